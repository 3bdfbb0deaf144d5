// The built-in node types, listed by hand: adding a node type is one folder and one line here.
import { NodeRegistry, type NodeType } from '@hookflow/engine';
import { codeNode } from './code/code.node';
import { delayNode } from './delay/delay.node';
import { filterNode } from './filter/filter.node';
import { httpNode } from './http/http.node';
import { mergeNode } from './merge/merge.node';
import { respondNode } from './respond/respond.node';
import { scheduleNode } from './schedule/schedule.node';
import { slackNode } from './slack/slack.node';
import { switchNode } from './switch/switch.node';
import { transformNode } from './transform/transform.node';
import { webhookNode } from './webhook/webhook.node';

export const builtInNodeTypes: NodeType[] = [webhookNode, scheduleNode, transformNode, filterNode, switchNode, mergeNode, delayNode, httpNode, slackNode, respondNode, codeNode];

/** A registry holding every built-in node type; hosts may register more on it. */
export function createBuiltInRegistry(): NodeRegistry {
  const registry = new NodeRegistry();
  for (const nodeType of builtInNodeTypes) registry.register(nodeType);
  return registry;
}
