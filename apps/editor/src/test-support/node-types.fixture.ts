// GET /api/node-types as the server answered it (built-in nodes), for tests.
import type { NodeTypeInfo } from '@hookflow/flow-model';

export const nodeTypesFixture: NodeTypeInfo[] = [
  {
    "type": "webhook",
    "version": 1,
    "label": "Webhook",
    "description": "Starts the flow when an app sends an HTTP request to this flow’s URL. Outputs body, query, headers and method.",
    "category": "Triggers",
    "icon": "webhook",
    "trigger": true,
    "handles": {
      "inputs": [],
      "outputs": [
        "main"
      ]
    },
    "paramsSchema": {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "properties": {
        "method": {
          "default": "POST",
          "title": "HTTP method",
          "description": "The method the calling app uses; requests with another method are refused.",
          "examples": [
            "POST"
          ],
          "type": "string",
          "enum": [
            "POST",
            "GET",
            "PUT",
            "PATCH",
            "DELETE"
          ]
        },
        "path": {
          "title": "URL suffix",
          "description": "Optional readable end of the trigger URL, e.g. \"orders/created\".",
          "examples": [
            "orders/created",
            "github/push"
          ],
          "type": "string",
          "pattern": "^[A-Za-z0-9._~/-]{0,200}$"
        }
      },
      "title": "Webhook",
      "description": "Starts the flow when an HTTP request reaches the trigger URL."
    }
  },
  {
    "type": "transform",
    "version": 1,
    "label": "Transform",
    "description": "Builds a new object from fields you name, using values from the trigger and earlier nodes.",
    "category": "Data",
    "icon": "shuffle",
    "trigger": false,
    "handles": {
      "inputs": [
        "main"
      ],
      "outputs": [
        "main"
      ]
    },
    "paramsSchema": {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "properties": {
        "fields": {
          "type": "object",
          "propertyNames": {
            "type": "string",
            "minLength": 1,
            "maxLength": 500
          },
          "additionalProperties": {},
          "title": "Fields",
          "description": "Output field name → value. Dots in a name nest it (customer.email); values may use {{templates}}.",
          "examples": [
            {
              "customer.email": "{{trigger.body.email}}",
              "total": "{{trigger.body.amount}}",
              "source": "shop"
            }
          ]
        }
      },
      "required": [
        "fields"
      ],
      "title": "Transform",
      "description": "Shapes data into a new object for the next nodes."
    }
  },
  {
    "type": "filter",
    "version": 1,
    "label": "Filter",
    "description": "Lets data through only when conditions hold; wire \"true\" and \"false\" to different paths.",
    "category": "Flow",
    "icon": "filter",
    "trigger": false,
    "handles": {
      "inputs": [
        "main"
      ],
      "outputs": [
        "true",
        "false"
      ]
    },
    "paramsSchema": {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "properties": {
        "match": {
          "default": "all",
          "title": "Pass when",
          "description": "\"all\": every condition must hold; \"any\": at least one.",
          "examples": [
            "all"
          ],
          "type": "string",
          "enum": [
            "all",
            "any"
          ]
        },
        "conditions": {
          "minItems": 1,
          "maxItems": 50,
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "left": {
                "title": "Value",
                "description": "The value to test, usually a template such as {{trigger.body.status}}.",
                "examples": [
                  "{{trigger.body.status}}",
                  "{{nodes.transform.total}}"
                ]
              },
              "op": {
                "type": "string",
                "enum": [
                  "eq",
                  "ne",
                  "gt",
                  "gte",
                  "lt",
                  "lte",
                  "contains",
                  "notContains",
                  "startsWith",
                  "endsWith",
                  "exists",
                  "notExists",
                  "isEmpty",
                  "isNotEmpty",
                  "regex"
                ],
                "title": "Operator",
                "description": "How to compare. Numbers (or numeric text) compare as numbers; other values as text.",
                "examples": [
                  "eq",
                  "gt",
                  "contains"
                ]
              },
              "right": {
                "title": "Compare with",
                "description": "The value to compare against; for \"regex\" a pattern. Not used by exists / isEmpty.",
                "examples": [
                  "paid",
                  100,
                  "^ORD-\\d+$"
                ]
              },
              "ignoreCase": {
                "default": false,
                "title": "Ignore case",
                "description": "Treat upper and lower case letters as the same when comparing text.",
                "examples": [
                  true
                ],
                "type": "boolean"
              }
            },
            "required": [
              "left",
              "op"
            ],
            "title": "Condition"
          },
          "title": "Conditions",
          "description": "The checks to run on the incoming data.",
          "examples": [
            [
              {
                "left": "{{trigger.body.amount}}",
                "op": "gte",
                "right": 100
              }
            ]
          ]
        }
      },
      "required": [
        "conditions"
      ],
      "title": "Filter",
      "description": "Continues on \"true\" when the conditions pass, on \"false\" otherwise."
    }
  },
  {
    "type": "http",
    "version": 1,
    "label": "HTTP request",
    "description": "Calls any web API or URL and passes its answer on.",
    "category": "Actions",
    "icon": "globe",
    "trigger": false,
    "handles": {
      "inputs": [
        "main"
      ],
      "outputs": [
        "main"
      ]
    },
    "paramsSchema": {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "properties": {
        "method": {
          "default": "POST",
          "title": "Method",
          "description": "The HTTP method to call the URL with.",
          "examples": [
            "POST",
            "GET"
          ],
          "type": "string",
          "enum": [
            "GET",
            "POST",
            "PUT",
            "PATCH",
            "DELETE",
            "HEAD"
          ]
        },
        "url": {
          "type": "string",
          "minLength": 1,
          "maxLength": 8000,
          "title": "URL",
          "description": "Full http:// or https:// address; may use {{templates}}.",
          "examples": [
            "https://api.example.com/orders/{{trigger.body.id}}"
          ]
        },
        "headers": {
          "default": {},
          "title": "Headers",
          "description": "Extra request headers, name → value.",
          "examples": [
            {
              "Accept": "application/json",
              "X-Order-Id": "{{trigger.body.id}}"
            }
          ],
          "type": "object",
          "propertyNames": {
            "type": "string",
            "minLength": 1
          },
          "additionalProperties": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          }
        },
        "query": {
          "default": {},
          "title": "Query parameters",
          "description": "Added to the URL as ?name=value.",
          "examples": [
            {
              "status": "open",
              "page": "1"
            }
          ],
          "type": "object",
          "propertyNames": {
            "type": "string",
            "minLength": 1
          },
          "additionalProperties": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          }
        },
        "body": {
          "title": "Body",
          "description": "Text sent as is, or fields (dots nest) sent as JSON. Not allowed with GET or HEAD.",
          "examples": [
            {
              "order.id": "{{trigger.body.id}}",
              "note": "paid"
            },
            "plain text"
          ],
          "anyOf": [
            {
              "type": "string"
            },
            {
              "type": "object",
              "propertyNames": {
                "type": "string"
              },
              "additionalProperties": {}
            }
          ]
        },
        "timeoutMs": {
          "default": 10000,
          "title": "Timeout (ms)",
          "description": "How long one try may take before it counts as failed.",
          "examples": [
            10000
          ],
          "type": "integer",
          "minimum": 100,
          "maximum": 300000
        },
        "retry": {
          "default": {
            "attempts": 3,
            "backoffMs": 500
          },
          "title": "Retries",
          "description": "What to do when the call fails in a way that may pass on a new try.",
          "type": "object",
          "properties": {
            "attempts": {
              "default": 3,
              "title": "Attempts",
              "description": "Total tries on network errors, timeouts, 429 and 5xx (1 = no retry).",
              "examples": [
                3
              ],
              "type": "integer",
              "minimum": 1,
              "maximum": 10
            },
            "backoffMs": {
              "default": 500,
              "title": "Backoff (ms)",
              "description": "Base wait between tries; it grows with each try. Retry-After wins when sent.",
              "examples": [
                500
              ],
              "type": "integer",
              "minimum": 0,
              "maximum": 60000
            }
          }
        },
        "failOnStatus": {
          "default": true,
          "title": "Fail on error status",
          "description": "Stop the flow with an error when the final answer is 400 or above.",
          "examples": [
            true
          ],
          "type": "boolean"
        }
      },
      "required": [
        "url"
      ],
      "title": "HTTP request",
      "description": "Sends an HTTP request and outputs the status, headers and body."
    }
  },
  {
    "type": "slack",
    "version": 1,
    "label": "Slack message",
    "description": "Posts a message to a Slack channel through an incoming webhook or a bot token.",
    "category": "Actions",
    "icon": "slack",
    "trigger": false,
    "handles": {
      "inputs": [
        "main"
      ],
      "outputs": [
        "main"
      ]
    },
    "paramsSchema": {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "properties": {
        "webhookUrl": {
          "title": "Incoming webhook URL",
          "description": "Simplest setup: a Slack incoming webhook URL (https://hooks.slack.com/services/...). Kept secret.",
          "examples": [
            "https://hooks.slack.com/services/T000/B000/XXXX"
          ],
          "writeOnly": true,
          "type": "string",
          "maxLength": 2000
        },
        "token": {
          "title": "Bot token",
          "description": "Instead of a webhook: a bot token (xoxb-...) with chat:write; needs a channel. Kept secret.",
          "examples": [
            "xoxb-..."
          ],
          "writeOnly": true,
          "type": "string",
          "maxLength": 500
        },
        "credentialId": {
          "title": "Saved credential",
          "description": "Instead of pasting a secret: a saved credential holding \"token\" or \"webhookUrl\".",
          "examples": [
            "slack-main"
          ],
          "type": "string",
          "maxLength": 200
        },
        "channel": {
          "title": "Channel",
          "description": "Channel name or id to post to when using a bot token.",
          "examples": [
            "#alerts",
            "C0123456789"
          ],
          "type": "string",
          "maxLength": 200
        },
        "text": {
          "anyOf": [
            {
              "type": "string",
              "minLength": 1,
              "maxLength": 40000
            },
            {
              "type": "number"
            },
            {
              "type": "boolean"
            }
          ],
          "title": "Message",
          "description": "The message text (Slack mrkdwn); may use {{templates}}. Also the notification text when blocks are set.",
          "examples": [
            "New order {{trigger.body.id}} for *{{trigger.body.total}} EUR*"
          ]
        },
        "blocks": {
          "title": "Blocks",
          "description": "Optional Block Kit layout: a JSON array of blocks (or a template that renders one).",
          "examples": [
            [
              {
                "type": "section",
                "text": {
                  "type": "mrkdwn",
                  "text": "*New order*"
                }
              }
            ]
          ],
          "anyOf": [
            {
              "maxItems": 50,
              "type": "array",
              "items": {
                "type": "object",
                "propertyNames": {
                  "type": "string"
                },
                "additionalProperties": {}
              }
            },
            {
              "type": "string",
              "maxLength": 100000
            }
          ]
        },
        "threadTs": {
          "title": "Reply in thread",
          "description": "Timestamp (ts) of a message to reply to in its thread; bot token only.",
          "examples": [
            "{{nodes.notify.ts}}"
          ],
          "type": "string",
          "maxLength": 64
        }
      },
      "required": [
        "text"
      ],
      "title": "Slack message",
      "description": "Posts a message to Slack."
    }
  }
];
