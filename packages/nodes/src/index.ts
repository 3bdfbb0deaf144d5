export * from './registry';
export * from './webhook/webhook.node';
export * from './transform/transform.node';
export * from './filter/filter.node';
export * from './filter/filter-operators';
export * from './http/http.node';
export * from './slack/slack.node';
export { DEFAULT_SLACK_API_URL, slackApiUrl, type SlackChatOutput } from './slack/slack-chat';
export { buildNestedObject } from './shared/build-nested-object';
