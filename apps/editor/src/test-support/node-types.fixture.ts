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
        },
        "auth": {
          "type": "object",
          "properties": {
            "type": {
              "default": "none",
              "title": "Check callers with",
              "description": "none: anyone with the URL; header: a shared secret header; basic: user and password; hmac: a signature of the body.",
              "type": "string",
              "enum": [
                "none",
                "header",
                "basic",
                "hmac"
              ]
            },
            "name": {
              "title": "Header name (header)",
              "description": "The header carrying the shared secret.",
              "examples": [
                "X-Webhook-Token"
              ],
              "type": "string",
              "pattern": "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$"
            },
            "value": {
              "anyOf": [
                {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 2000,
                  "title": "Inline value",
                  "writeOnly": true
                },
                {
                  "type": "object",
                  "properties": {
                    "credentialId": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200,
                      "title": "Credential id",
                      "description": "Id of a saved credential."
                    },
                    "field": {
                      "title": "Field",
                      "description": "Key inside the credential’s data holding the secret; defaults to the usual one (e.g. \"secret\").",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    }
                  },
                  "required": [
                    "credentialId"
                  ],
                  "title": "Saved credential",
                  "writeOnly": true
                }
              ],
              "title": "Header value (header)",
              "description": "The secret the header must carry. Kept secret.",
              "writeOnly": true
            },
            "user": {
              "title": "User (basic)",
              "description": "The HTTP Basic user name.",
              "type": "string",
              "minLength": 1,
              "maxLength": 200
            },
            "password": {
              "anyOf": [
                {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 2000,
                  "title": "Inline value",
                  "writeOnly": true
                },
                {
                  "type": "object",
                  "properties": {
                    "credentialId": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200,
                      "title": "Credential id",
                      "description": "Id of a saved credential."
                    },
                    "field": {
                      "title": "Field",
                      "description": "Key inside the credential’s data holding the secret; defaults to the usual one (e.g. \"secret\").",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    }
                  },
                  "required": [
                    "credentialId"
                  ],
                  "title": "Saved credential",
                  "writeOnly": true
                }
              ],
              "title": "Password (basic)",
              "description": "The HTTP Basic password. Kept secret.",
              "writeOnly": true
            },
            "preset": {
              "title": "Signature scheme (hmac)",
              "description": "The sender’s scheme: github, stripe, slack, shopify, standard-webhooks (Svix, Clerk, ...) or custom.",
              "type": "string",
              "enum": [
                "github",
                "stripe",
                "slack",
                "shopify",
                "standard-webhooks",
                "custom"
              ]
            },
            "secret": {
              "anyOf": [
                {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 2000,
                  "title": "Inline value",
                  "writeOnly": true
                },
                {
                  "type": "object",
                  "properties": {
                    "credentialId": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200,
                      "title": "Credential id",
                      "description": "Id of a saved credential."
                    },
                    "field": {
                      "title": "Field",
                      "description": "Key inside the credential’s data holding the secret; defaults to the usual one (e.g. \"secret\").",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    }
                  },
                  "required": [
                    "credentialId"
                  ],
                  "title": "Saved credential",
                  "writeOnly": true
                }
              ],
              "title": "Signing secret (hmac)",
              "description": "The webhook secret the sender signs with (Stripe whsec_..., Standard Webhooks whsec_<base64>). Kept secret.",
              "writeOnly": true
            },
            "header": {
              "title": "Signature header (custom)",
              "description": "Header carrying the signature.",
              "examples": [
                "X-Signature"
              ],
              "type": "string",
              "pattern": "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$"
            },
            "algorithm": {
              "title": "Algorithm (custom)",
              "description": "HMAC hash; default sha256.",
              "type": "string",
              "enum": [
                "sha1",
                "sha256",
                "sha512"
              ]
            },
            "encoding": {
              "title": "Encoding (custom)",
              "description": "How the signature is written; default hex.",
              "type": "string",
              "enum": [
                "hex",
                "base64"
              ]
            },
            "prefix": {
              "title": "Prefix (custom)",
              "description": "Text before the signature, e.g. \"sha256=\".",
              "examples": [
                "sha256="
              ],
              "type": "string",
              "maxLength": 50
            },
            "signedPayload": {
              "title": "What is signed (custom)",
              "description": "body: the raw body; timestamp.body: \"<timestamp>.<raw body>\" with the timestamp from a header (checked within 300 s).",
              "type": "string",
              "enum": [
                "body",
                "timestamp.body"
              ]
            },
            "timestampHeader": {
              "title": "Timestamp header (custom)",
              "description": "Header carrying the Unix timestamp that is signed.",
              "examples": [
                "X-Timestamp"
              ],
              "type": "string",
              "pattern": "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$"
            }
          },
          "title": "Caller check",
          "description": "How a request proves it comes from the expected sender. Failures answer 401 and run nothing."
        },
        "challenge": {
          "type": "object",
          "properties": {
            "slack": {
              "default": false,
              "title": "Slack url_verification",
              "description": "Echo Slack’s \"challenge\" when the Events API checks the URL.",
              "type": "boolean"
            },
            "microsoftGraph": {
              "default": false,
              "title": "Microsoft Graph validationToken",
              "description": "Echo ?validationToken= as text/plain when a Graph subscription is created.",
              "type": "boolean"
            },
            "hub": {
              "default": false,
              "title": "Meta / WebSub hub.challenge",
              "description": "Echo ?hub.challenge= for hub.mode=subscribe (Facebook, Instagram, WhatsApp, WebSub).",
              "type": "boolean"
            },
            "hubVerifyToken": {
              "anyOf": [
                {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 2000,
                  "title": "Inline value",
                  "writeOnly": true
                },
                {
                  "type": "object",
                  "properties": {
                    "credentialId": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200,
                      "title": "Credential id",
                      "description": "Id of a saved credential."
                    },
                    "field": {
                      "title": "Field",
                      "description": "Key inside the credential’s data holding the secret; defaults to the usual one (e.g. \"secret\").",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    }
                  },
                  "required": [
                    "credentialId"
                  ],
                  "title": "Saved credential",
                  "writeOnly": true
                }
              ],
              "title": "hub.verify_token",
              "description": "The verify token entered at Meta; a handshake carrying another token gets 403. Kept secret.",
              "writeOnly": true
            },
            "zoom": {
              "default": false,
              "title": "Zoom endpoint.url_validation",
              "description": "Answer Zoom’s check with the HMAC-SHA256 of plainToken, keyed with the Zoom secret token.",
              "type": "boolean"
            },
            "zoomSecret": {
              "anyOf": [
                {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 2000,
                  "title": "Inline value",
                  "writeOnly": true
                },
                {
                  "type": "object",
                  "properties": {
                    "credentialId": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200,
                      "title": "Credential id",
                      "description": "Id of a saved credential."
                    },
                    "field": {
                      "title": "Field",
                      "description": "Key inside the credential’s data holding the secret; defaults to the usual one (e.g. \"secret\").",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    }
                  },
                  "required": [
                    "credentialId"
                  ],
                  "title": "Saved credential",
                  "writeOnly": true
                }
              ],
              "title": "Zoom secret token",
              "description": "The Zoom app’s secret token. Zoom’s own signature on the validation request (x-zm-signature) is checked with it before answering. Kept secret.",
              "writeOnly": true
            },
            "asana": {
              "default": false,
              "title": "Asana X-Hook-Secret",
              "description": "Echo the X-Hook-Secret header of Asana’s handshake.",
              "type": "boolean"
            },
            "echoQueryParam": {
              "title": "Echo query parameter",
              "description": "Any other sender: when this query parameter is present, answer its value as text/plain.",
              "examples": [
                "challenge"
              ],
              "type": "string",
              "pattern": "^[A-Za-z0-9._~-]{1,100}$"
            }
          },
          "title": "Handshakes",
          "description": "URL checks some senders make before sending events; answered without running the flow."
        },
        "ipAllowlist": {
          "maxItems": 200,
          "type": "array",
          "items": {
            "type": "string"
          },
          "title": "Allowed addresses",
          "description": "Only these addresses or CIDR ranges may call (403 otherwise). Behind a proxy, set TRUSTED_PROXIES on the server.",
          "examples": [
            [
              "192.30.252.0/22",
              "2001:db8::/32"
            ]
          ]
        },
        "rateLimit": {
          "type": "object",
          "properties": {
            "requests": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000000,
              "title": "Requests",
              "description": "Requests allowed per window."
            },
            "perSeconds": {
              "type": "integer",
              "minimum": 1,
              "maximum": 86400,
              "title": "Per seconds",
              "description": "Length of the window in seconds."
            }
          },
          "required": [
            "requests",
            "perSeconds"
          ],
          "title": "Rate limit",
          "description": "Requests over the limit get 429 with Retry-After and are not recorded (counted per server process)."
        },
        "dedupe": {
          "default": {
            "preset": "auto",
            "retentionSeconds": 604800
          },
          "type": "object",
          "properties": {
            "preset": {
              "default": "auto",
              "title": "Delivery id from",
              "x-enum-labels": {
                "auto": "auto: the sender’s delivery id",
                "off": "off: run every request, repeats too",
                "github": "GitHub (X-GitHub-Delivery)",
                "stripe": "Stripe (event id)",
                "standard-webhooks": "Standard Webhooks (webhook-id)",
                "shopify": "Shopify (X-Shopify-Webhook-Id)",
                "idempotency-key": "Idempotency-Key header",
                "custom": "custom: a header or body field"
              },
              "description": "auto: the signature scheme’s delivery id, else the first of X-GitHub-Delivery, webhook-id, X-Shopify-Webhook-Id or Idempotency-Key that the request carries (a request with none always runs); off: run every request, repeats too; custom: the source and path below.",
              "type": "string",
              "enum": [
                "auto",
                "off",
                "github",
                "stripe",
                "standard-webhooks",
                "shopify",
                "idempotency-key",
                "custom"
              ]
            },
            "source": {
              "title": "Source (custom)",
              "description": "Read the key from a header or from the body.",
              "type": "string",
              "enum": [
                "header",
                "body"
              ]
            },
            "path": {
              "title": "Header or body path (custom)",
              "description": "Header name, or dotted body path such as \"data.id\".",
              "examples": [
                "X-Delivery-Id",
                "event.id"
              ],
              "type": "string",
              "minLength": 1,
              "maxLength": 200
            },
            "retentionSeconds": {
              "default": 604800,
              "title": "Remember keys for (seconds)",
              "description": "A repeat within this window is answered 200 without running; default 7 days.",
              "type": "integer",
              "minimum": 60,
              "maximum": 7776000
            }
          },
          "title": "Run each event once",
          "description": "On unless set to off: repeats of a delivery id answer 200 with the first event’s id and run nothing."
        },
        "dropOlderThan": {
          "type": "object",
          "properties": {
            "source": {
              "default": "body",
              "title": "Source",
              "description": "Read the event time from a header or from the body.",
              "type": "string",
              "enum": [
                "header",
                "body"
              ]
            },
            "path": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200,
              "title": "Header or body path",
              "description": "Where the event time is: Unix seconds, milliseconds or an ISO date.",
              "examples": [
                "created",
                "X-Event-Time"
              ]
            },
            "maxAgeSeconds": {
              "type": "integer",
              "minimum": 1,
              "maximum": 31536000,
              "title": "Maximum age (seconds)",
              "description": "Older events are answered 200 { dropped: true } and not run."
            }
          },
          "required": [
            "path",
            "maxAgeSeconds"
          ],
          "title": "Drop stale events",
          "description": "Out-of-order protection: skip events whose own time is older than this."
        },
        "ordering": {
          "type": "object",
          "properties": {
            "key": {
              "type": "string",
              "minLength": 1,
              "maxLength": 500,
              "title": "Order key",
              "description": "Events with the same key run one at a time, in the order they arrived; other keys run in parallel. An event whose key is empty runs unordered.",
              "examples": [
                "{{trigger.body.customer.id}}",
                "{{trigger.headers.x-shopify-shop-domain}}"
              ]
            }
          },
          "required": [
            "key"
          ],
          "title": "Run in order",
          "description": "For senders whose events must not overtake each other (updates of one order, one customer)."
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
          "x-enum-labels": {
            "all": "all conditions hold",
            "any": "any condition holds"
          },
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
                ],
                "x-enum-labels": {
                  "eq": "equals",
                  "ne": "does not equal",
                  "gt": "is greater than",
                  "gte": "is greater than or equal to",
                  "lt": "is less than",
                  "lte": "is less than or equal to",
                  "contains": "contains",
                  "notContains": "does not contain",
                  "startsWith": "starts with",
                  "endsWith": "ends with",
                  "exists": "exists",
                  "notExists": "does not exist",
                  "isEmpty": "is empty",
                  "isNotEmpty": "is not empty",
                  "regex": "matches the pattern (regex)"
                }
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
        "auth": {
          "default": {
            "type": "none"
          },
          "title": "Authentication",
          "description": "Sign in to the API with a saved credential; the secret never shows in executions.",
          "type": "object",
          "properties": {
            "type": {
              "default": "none",
              "title": "Type",
              "description": "\"bearer\": Authorization: Bearer <token>. \"basic\": user and password. \"header\": any header, e.g. X-Api-Key.",
              "examples": [
                "bearer"
              ],
              "type": "string",
              "enum": [
                "none",
                "bearer",
                "basic",
                "header"
              ]
            },
            "credentialId": {
              "title": "Credential",
              "description": "A saved credential: \"HTTP bearer\" for bearer, \"HTTP basic\" for basic, \"HTTP header\" for header.",
              "x-credential-types": [
                "httpBearer",
                "httpBasic",
                "httpHeader",
                "generic"
              ],
              "type": "string",
              "maxLength": 200
            }
          }
        },
        "retry": {
          "default": {
            "attempts": 3,
            "backoffMs": 500,
            "maxDelayMs": 30000,
            "statuses": [
              408,
              429,
              "5xx"
            ],
            "networkErrors": true
          },
          "title": "Retries",
          "description": "What to do when a call fails in a way that may pass on a new try. A call that still fails after the last try fails the execution, which then waits in the failed list for a replay.",
          "type": "object",
          "properties": {
            "attempts": {
              "default": 3,
              "title": "Attempts",
              "description": "Total tries, the first one included (1 = no retry).",
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
              "description": "Base wait between tries; it doubles with each try, with random jitter. A Retry-After header from the server wins.",
              "examples": [
                500
              ],
              "type": "integer",
              "minimum": 0,
              "maximum": 60000
            },
            "maxDelayMs": {
              "default": 30000,
              "title": "Max delay (ms)",
              "description": "Longest single wait between two tries, Retry-After included.",
              "examples": [
                30000
              ],
              "type": "integer",
              "minimum": 0,
              "maximum": 300000
            },
            "statuses": {
              "default": [
                408,
                429,
                "5xx"
              ],
              "title": "Retry on statuses",
              "description": "Answer statuses worth another try: codes such as 409, or classes such as \"5xx\". Default: 408, 429 and every 5xx.",
              "examples": [
                [
                  408,
                  429,
                  "5xx"
                ],
                [
                  503
                ]
              ],
              "maxItems": 50,
              "type": "array",
              "items": {
                "anyOf": [
                  {
                    "type": "integer",
                    "minimum": 100,
                    "maximum": 599
                  },
                  {
                    "type": "string",
                    "pattern": "^([1-5]\\d\\d|[1-5]xx)$"
                  }
                ]
              }
            },
            "networkErrors": {
              "default": true,
              "title": "Retry network errors",
              "description": "Also try again when the server cannot be reached or a try times out.",
              "examples": [
                true
              ],
              "type": "boolean"
            }
          }
        },
        "signing": {
          "title": "Sign requests",
          "description": "Sign each request so the receiver can check it came from this flow.",
          "type": "object",
          "properties": {
            "type": {
              "default": "none",
              "title": "Signature",
              "description": "\"standard-webhooks\": webhook-id, webhook-timestamp and webhook-signature headers. \"github\": an X-Hub-Signature-256 header. Both sign the exact body sent.",
              "examples": [
                "standard-webhooks",
                "github"
              ],
              "type": "string",
              "enum": [
                "none",
                "standard-webhooks",
                "github"
              ]
            },
            "secret": {
              "anyOf": [
                {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 1000,
                  "title": "Secret value",
                  "writeOnly": true
                },
                {
                  "type": "object",
                  "properties": {
                    "credentialId": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200,
                      "title": "Credential",
                      "description": "A saved credential; its \"secret\" field is used."
                    },
                    "field": {
                      "title": "Field",
                      "description": "Another field of the credential to use instead of \"secret\".",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    }
                  },
                  "required": [
                    "credentialId"
                  ],
                  "title": "Saved credential"
                }
              ],
              "title": "Secret",
              "description": "The shared secret, pasted or (better) a saved credential. Standard Webhooks secrets look like \"whsec_\" followed by base64. Kept secret.",
              "writeOnly": true
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
        },
        "retry": {
          "default": {
            "attempts": 3,
            "backoffMs": 500,
            "maxDelayMs": 30000,
            "statuses": [
              408,
              429,
              "5xx"
            ],
            "networkErrors": true
          },
          "title": "Retries",
          "description": "What to do when a call fails in a way that may pass on a new try. A call that still fails after the last try fails the execution, which then waits in the failed list for a replay.",
          "type": "object",
          "properties": {
            "attempts": {
              "default": 3,
              "title": "Attempts",
              "description": "Total tries, the first one included (1 = no retry).",
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
              "description": "Base wait between tries; it doubles with each try, with random jitter. A Retry-After header from the server wins.",
              "examples": [
                500
              ],
              "type": "integer",
              "minimum": 0,
              "maximum": 60000
            },
            "maxDelayMs": {
              "default": 30000,
              "title": "Max delay (ms)",
              "description": "Longest single wait between two tries, Retry-After included.",
              "examples": [
                30000
              ],
              "type": "integer",
              "minimum": 0,
              "maximum": 300000
            },
            "statuses": {
              "default": [
                408,
                429,
                "5xx"
              ],
              "title": "Retry on statuses",
              "description": "Answer statuses worth another try: codes such as 409, or classes such as \"5xx\". Default: 408, 429 and every 5xx.",
              "examples": [
                [
                  408,
                  429,
                  "5xx"
                ],
                [
                  503
                ]
              ],
              "maxItems": 50,
              "type": "array",
              "items": {
                "anyOf": [
                  {
                    "type": "integer",
                    "minimum": 100,
                    "maximum": 599
                  },
                  {
                    "type": "string",
                    "pattern": "^([1-5]\\d\\d|[1-5]xx)$"
                  }
                ]
              }
            },
            "networkErrors": {
              "default": true,
              "title": "Retry network errors",
              "description": "Also try again when the server cannot be reached or a try times out.",
              "examples": [
                true
              ],
              "type": "boolean"
            }
          }
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
