#!/bin/sh
":" //; [ -z "$NODE_EXTRA_CA_CERTS" ] || { LOCKSTEP_SAVED_NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS; NODE_EXTRA_CA_CERTS=; export LOCKSTEP_SAVED_NODE_EXTRA_CA_CERTS NODE_EXTRA_CA_CERTS; }; exec node "$0" "$@"
"use strict";

// <define:LOCKSTEP_BUNDLES>
var define_LOCKSTEP_BUNDLES_default = { "*": { name: "cli", id: "e3106daf729cfbaf" }, allocate: { name: "allocate", id: "bac2c4d10e2fcbf3" } };

// src/cli/launcher.cts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
var import_node_vm = require("node:vm");

// src/cli/argv.ts
function commandWord(argv) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-C") {
      i++;
      continue;
    }
    if (a === "--") return argv[i + 1] ?? null;
    if (a.startsWith("-")) continue;
    return a;
  }
  return null;
}

// src/cli/launcher.cts
function commandKey(argv) {
  const word = commandWord(argv);
  return word === null ? "none" : /^[a-z][a-z-]{0,31}$/.test(word) ? word : "other";
}
function cacheDirectory(env) {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  if (env.NODE_COMPILE_CACHE) return (0, import_node_path.join)(env.NODE_COMPILE_CACHE, "lockstep");
  if (env.XDG_CACHE_HOME) return (0, import_node_path.join)(env.XDG_CACHE_HOME, "lockstep");
  try {
    return (0, import_node_path.join)(env.HOME || require("node:os").homedir(), ".cache", "lockstep");
  } catch {
    return null;
  }
}
function readCache(dir2, file2) {
  if (!dir2 || !file2 || !ownDir(dir2)) return void 0;
  let fd;
  try {
    fd = (0, import_node_fs.openSync)(file2, import_node_fs.constants.O_RDONLY | import_node_fs.constants.O_NOFOLLOW);
    const st = (0, import_node_fs.fstatSync)(fd);
    if (process.getuid && st.uid !== process.getuid() || (st.mode & 18) !== 0) return void 0;
    return (0, import_node_fs.readFileSync)(fd);
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) (0, import_node_fs.closeSync)(fd);
  }
}
function ownDir(dir2) {
  try {
    const st = (0, import_node_fs.lstatSync)(dir2);
    return st.isDirectory() && (!process.getuid || st.uid === process.getuid()) && (st.mode & 18) === 0;
  } catch {
    return false;
  }
}
function fileStamp(fd) {
  const st = (0, import_node_fs.fstatSync)(fd, { bigint: true });
  return [st.dev, st.ino, st.size, st.mtimeNs, st.ctimeNs].map((n) => n.toString(36)).join(".");
}
var STALE_MS = 7 * 24 * 36e5;
function writeCache(dir2, file2, bundleName2, current2, script2) {
  const tmp = `${file2}.${process.pid}.tmp`;
  try {
    (0, import_node_fs.mkdirSync)(dir2, { recursive: true, mode: 448 });
    if (!ownDir(dir2)) return;
    (0, import_node_fs.writeFileSync)(tmp, script2.createCachedData(), { mode: 384, flag: "wx" });
    (0, import_node_fs.renameSync)(tmp, file2);
  } catch {
    try {
      (0, import_node_fs.unlinkSync)(tmp);
    } catch {
    }
    return;
  }
  try {
    const now = Date.now();
    for (const name of (0, import_node_fs.readdirSync)(dir2)) {
      if (!name.startsWith(`${bundleName2}-`) || !name.endsWith(".v8") || name.startsWith(current2)) continue;
      const p = (0, import_node_path.join)(dir2, name);
      if (now - (0, import_node_fs.statSync)(p).mtimeMs > STALE_MS) (0, import_node_fs.unlinkSync)(p);
    }
  } catch {
  }
}
var savedCaCerts = process.env.LOCKSTEP_SAVED_NODE_EXTRA_CA_CERTS;
if (savedCaCerts !== void 0) {
  process.env.NODE_EXTRA_CA_CERTS = savedCaCerts;
  delete process.env.LOCKSTEP_SAVED_NODE_EXTRA_CA_CERTS;
}
var key = commandKey(process.argv.slice(2));
var { name: bundleName, id: bundleId } = Object.hasOwn(define_LOCKSTEP_BUNDLES_default, key) ? define_LOCKSTEP_BUNDLES_default[key] : define_LOCKSTEP_BUNDLES_default["*"];
var bundle = (0, import_node_path.join)(__dirname, `${bundleName}.js`);
var bundleFd = (0, import_node_fs.openSync)(bundle, "r");
var dir = cacheDirectory(process.env);
var current = `${bundleName}-${bundleId}-${process.version}-${process.arch}-${fileStamp(bundleFd)}-`;
var file = dir && (0, import_node_path.join)(dir, `${current}${key}.v8`);
var cachedData = readCache(dir, file);
var source = (0, import_node_fs.readFileSync)(bundleFd, "latin1");
(0, import_node_fs.closeSync)(bundleFd);
var script = new import_node_vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}
})`, { filename: bundle, cachedData });
if (dir && file && (cachedData === void 0 || script.cachedDataRejected)) process.once("exit", (code) => code <= 1 && writeCache(dir, file, bundleName, current, script));
var mod = { exports: {} };
script.runInThisContext()(mod.exports, require, mod, bundle, __dirname);
