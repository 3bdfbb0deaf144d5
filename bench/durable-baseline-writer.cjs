// The durable baseline's writer thread: the events table with Hookflow's columns and indexes, one
// transaction per batch, fsynced at commit (WAL, synchronous=FULL).
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE "events" ("id" varchar(36) PRIMARY KEY NOT NULL, "flowId" varchar(36), "flowVersionId" varchar(36),
  "nodeId" varchar(64), "method" varchar(10) NOT NULL, "path" text NOT NULL, "headers" text NOT NULL, "query" text NOT NULL,
  "contentType" varchar(200), "body" text, "rawBody" text NOT NULL, "rawEncoding" varchar(6) NOT NULL, "status" varchar(12) NOT NULL,
  "reason" text, "httpStatus" integer NOT NULL, "receivedAt" varchar(30) NOT NULL)`);
db.exec('CREATE INDEX "events_status" ON "events" ("status", "receivedAt")');
db.exec('CREATE INDEX "events_flow" ON "events" ("flowId", "receivedAt")');
const insert = db.prepare(`INSERT INTO "events" VALUES (${Array.from({ length: 16 }, () => '?').join(', ')})`);
const write = db.transaction((rows) => {
  for (const row of rows) insert.run(row);
});

parentPort.on('message', ({ id, rows }) => {
  write(rows);
  parentPort.postMessage({ id });
});
