// The thread behind sqlite-writer.ts: one SQLite connection that runs the statements it is sent, in the
// order they were sent. Plain JavaScript, so the thread starts in milliseconds without a TypeScript
// loader. Messages in: { id, sql, params } (id 0: no answer wanted) or { close: true }. Answers out:
// { id, rows } or { id, changes, lastInsertRowid } or { id, error: { message, code } }.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const db = new SQLite(workerData.path);
// The same pragmas as connect(): WAL, FULL sync (an acknowledged commit survives power loss), foreign
// keys, and waiting up to 5 s for another connection's write lock.
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');

const statements = new Map();
const prepared = (sql) => {
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    if (statements.size >= 500) statements.delete(statements.keys().next().value);
    statements.set(sql, statement);
  }
  return statement;
};

// A statement sent without waiting that failed: every later statement is answered with this error
// (and not run) until a rollback, so a transaction never commits past a failed write.
let failed = null;

parentPort.on('message', (message) => {
  if (message.close) {
    db.close();
    parentPort.close();
    return;
  }
  const { id, sql, params } = message;
  const rollback = /^\s*rollback\b/i.test(sql);
  if (failed !== null && !rollback) {
    if (id !== 0) parentPort.postMessage({ id, error: failed });
    return;
  }
  try {
    const statement = prepared(sql);
    const answer = statement.reader
      ? { id, rows: statement.all(params) }
      : { id, ...statement.run(params) };
    if (rollback) failed = null;
    if (id !== 0) parentPort.postMessage(answer);
  } catch (error) {
    const reason = { message: error?.message ?? String(error), code: error?.code };
    if (rollback) failed = null;
    else if (id === 0) failed = reason;
    if (id !== 0) parentPort.postMessage({ id, error: reason });
  }
});
