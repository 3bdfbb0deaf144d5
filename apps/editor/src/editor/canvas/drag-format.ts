/** dataTransfer format of a palette item dragged onto the canvas: the node type. */
export const NODE_TYPE_DRAG_FORMAT = 'application/x-hookflow-node-type';
