// Node types by category; drag one onto the canvas, or click (Enter) to add it after the selected node.
import { memo, type DragEvent } from 'react';
import { groupByCategory } from '../../catalog/node-type-catalog';
import { NodeIcon } from '../../shared/NodeIcon';
import { NODE_TYPE_DRAG_FORMAT } from '../canvas/drag-format';
import { useEditorStore } from '../store/editor-store-context';

export const Palette = memo(function Palette() {
  const catalog = useEditorStore((state) => state.catalog);
  const addNode = useEditorStore((state) => state.addNode);
  const readOnly = useEditorStore((state) => state.readOnly);
  if (!catalog || readOnly) return null;
  const startDrag = (type: string) => (event: DragEvent) => {
    event.dataTransfer.setData(NODE_TYPE_DRAG_FORMAT, type);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="palette" aria-label="Node types">
      {groupByCategory(catalog.entries).map(({ category, entries }) => (
        <section key={category} className="palette-group" aria-labelledby={`palette-${category}`}>
          <h2 id={`palette-${category}`} className="palette-heading">
            {category}
          </h2>
          <ul>
            {entries.map(({ info }) => (
              <li key={info.type}>
                <button
                  type="button"
                  className="palette-item"
                  draggable
                  onDragStart={startDrag(info.type)}
                  onClick={() => addNode({ type: info.type })}
                  data-testid={`palette-item-${info.type}`}
                  aria-label={`Add ${info.label}: ${info.description}`}
                  title={info.description}
                >
                  <span className={`palette-icon category-${info.category.toLowerCase()}`}>
                    <NodeIcon icon={info.icon} />
                  </span>
                  <span className="palette-text">
                    <span className="palette-label">{info.label}</span>
                    <span className="palette-description">{info.description}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
});
