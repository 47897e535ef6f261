// The package ships typings but its "exports" map hides them from TypeScript; its API is better-sqlite3's.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database = require('better-sqlite3');
  export = Database;
}
