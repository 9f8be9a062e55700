#!/usr/bin/env node
// Runs one Python file on a real CPython (the WebAssembly build inside a pyodide npm package)
// exactly as `python3 FILE.py` runs it, so that refgrade can ask CPython 3.12, 3.13 and 3.14
// where only 3.11 is installed natively.
//
//   node run.mjs --python 3.13 FILE.py     stdout, stderr and exit status as python3's
//   node run.mjs --version-of 3.13         prints the interpreter's sys.version (first word)
//
// Why not pyodide's runPython: it compiles the source itself and drops the parse tree before the
// code runs, so literal constants lose the reference the parser's arena holds while a script runs
// natively (18 of the 164 corpus programs differ on 3.11). Instead the embedded CPython's own
// PyRun_SimpleFileExFlags runs the file, as pymain_run_file does: the same parse, the same frame
// set-up, the same traceback printing. The surrounding steps copy Py_RunMain: a fresh __main__,
// sys.argv/sys.path[0] as for a script, and Py_FinalizeEx at the end so exit-time finalisers run
// and print. One interpreter per Node process: a second one in the same process crashes.
import { writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A process runs one short program: compiling the 9 MB module lazily with the baseline compiler
// only saves about a fifth of the CPU and changes nothing that the program can observe.
setFlagsFromString('--liftoff-only');
setFlagsFromString('--wasm-lazy-compilation');

// A failure of the runner itself (not of the program) is one line and exit 3, not a bundle dump.
const fail = (e) => { writeSync(2, `cpython-wasm: the interpreter failed: ${(e && e.message) || e}\n`); process.exit(3); };
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

// The npm aliases in package.json: one pyodide per CPython minor version.
const PACKAGES = { '3.11': 'pyodide-311', '3.12': 'pyodide-312', '3.13': 'pyodide-313', '3.14': 'pyodide-314' };

function usage(message) {
  writeSync(2, `cpython-wasm: ${message}\nusage: run.mjs --python 3.11|3.12|3.13|3.14 FILE.py\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let version = null, file = null, versionOnly = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--python') version = args[++i];
  else if (args[i] === '--version-of') { version = args[++i]; versionOnly = true; }
  else if (args[i].startsWith('-')) usage(`unknown option ${args[i]}`);
  else if (file === null) file = args[i];
  else usage(`program arguments are not supported (got ${args[i]})`);
}
if (!(version in PACKAGES)) usage(`--python must be one of ${Object.keys(PACKAGES).join(', ')}`);
if (!versionOnly && file === null) usage('no file given');

const here = dirname(fileURLToPath(import.meta.url));
const indexURL = resolve(here, 'node_modules', PACKAGES[version]) + '/';
let loadPyodide;
try {
  ({ loadPyodide } = await import(indexURL + 'pyodide.mjs'));
} catch (e) {
  writeSync(2, `cpython-wasm: ${PACKAGES[version]} is not installed; run npm ci in ${here}\n`);
  process.exit(3);
}

// Bytes exactly as CPython wrote them: no line batching, no decoding on the way out.
const out = (fd) => ({ write: (buf) => { let n = 0; while (n < buf.length) n += writeSync(fd, buf, n); return buf.length; } });
// The environment python3 would read that matters here: PYTHONPATH and refgrade's own variables
// (the probe driver's output file). Anything else of Node's environment stays out.
const env = { HOME: '/home/pyodide' };
for (const [k, val] of Object.entries(process.env)) if (k === 'PYTHONPATH' || k.startsWith('REFGRADE_')) env[k] = val;
const py = await loadPyodide({ indexURL, env, stdout: () => {}, stderr: () => {} });
py.setStdout(out(1));
py.setStderr(out(2));

if (versionOnly) {
  writeSync(1, py.runPython('import sys; sys.version.split()[0]') + '\n');
  process.exit(0);
}

// The program's directory is the real one (NODEFS), so the file, its neighbours and the paths in
// tracebacks are what python3 would see; the working directory is Node's own.
const FS = py.FS;
const path = resolve(file);
const dir = dirname(path);
FS.mkdirTree(dir);
FS.mount(FS.filesystems.NODEFS, { root: dir }, dir);
// PYTHONPATH folders are real too; site imports a sitecustomize found there before the program.
const extraPath = (process.env.PYTHONPATH || '').split(':').filter((d) => d !== '').map((d) => resolve(d));
for (const d of extraPath) {
  if (d === dir || FS.analyzePath(d).exists) continue;
  FS.mkdirTree(d);
  FS.mount(FS.filesystems.NODEFS, { root: d }, d);
}
const cwd = process.cwd();
if (!FS.analyzePath(cwd).exists) FS.mkdirTree(cwd);
if (!FS.analyzePath(path).exists) {
  writeSync(2, `python3: can't open file '${path}': [Errno 2] No such file or directory\n`);
  process.exit(2);
}

// As pymain_run_python prepares a script: argv[0] is the name as given, sys.path[0] the script's
// directory, and __main__ a new module holding only what add_main_module puts there.
py.globals.set('_refgrade_argv0', file);
py.globals.set('_refgrade_dir', dir);
py.globals.set('_refgrade_cwd', cwd);
py.globals.set('_refgrade_pythonpath', py.toPy(extraPath));
py.runPython(`
import sys, os, types, builtins
from importlib.machinery import BuiltinImporter
sys.argv[:] = [_refgrade_argv0]
sys.path[0:0] = [_refgrade_dir] + list(_refgrade_pythonpath)
os.chdir(_refgrade_cwd)
if any(os.path.exists(os.path.join(d, 'sitecustomize.py')) for d in _refgrade_pythonpath):
    import importlib
    importlib.invalidate_caches()
    import sitecustomize
_m = types.ModuleType('__main__')
_m.__dict__['__builtins__'] = builtins
_m.__dict__['__loader__'] = BuiltinImporter
if sys.version_info < (3, 14):
    _m.__dict__['__annotations__'] = {}
sys.modules['__main__'] = _m
del _m
# pyodide >= 0.27 starts CPython with config.inspect = 1 (as \`python -i\`), so SystemExit no longer
# exits: _Py_HandleSystemExit returns early and sys.excepthook would print it as a traceback. The
# hook below does what _Py_HandleSystemExit does when inspect is 0 (code None -> 0, an int -> that
# int, anything else printed to stderr -> 1); the runner then finalises and exits with the status,
# as Py_Exit does. sys.last_* are dropped so the exception keeps no frame alive into finalisation,
# as natively, where the exception is cleared before Py_Exit.
_refgrade_exit = []
if sys.flags.inspect:
    def _refgrade_excepthook(t, v, tb, _default=sys.excepthook, _record=_refgrade_exit):
        if not issubclass(t, SystemExit):
            return _default(t, v, tb)
        code = v.code
        if code is None:
            _record.append(0)
        elif isinstance(code, int):
            _record.append(code)
        else:
            sys.stderr.write(str(code))
            sys.stderr.write('\\n')
            _record.append(1)
        for name in ('last_exc', 'last_type', 'last_value', 'last_traceback'):
            if hasattr(sys, name):
                delattr(sys, name)
    sys.excepthook = _refgrade_excepthook
`);

const M = py._module;
const cstr = (s) => M.stringToNewUTF8(s);
// Start-up garbage (pyodide's own imports) must not show in the program's first gc.collect().
M._PyRun_SimpleString(cstr("__import__('gc').collect()"));

let status;
try {
  const fp = M._fopen(cstr(path), cstr('rb'));
  if (fp === 0) {
    writeSync(2, `python3: can't open file '${path}': [Errno 2] No such file or directory\n`);
    process.exit(2);
  }
  // The absolute path, as config->run_filename has been since 3.9 (__file__, tracebacks);
  // closeit=1 and no compiler flags, as pymain_run_file passes for a plain run.
  status = M._PyRun_SimpleFileExFlags(fp, cstr(path), 1, 0) === 0 ? 0 : 1;
  const exited = py.globals.get('_refgrade_exit');
  if (status !== 0 && exited.length > 0) status = exited.get(0);
  exited.destroy();
  // Py_RunMain: a failing finalisation turns the status into 120.
  if (M._Py_FinalizeEx() < 0) status = 120;
} catch (e) {
  // sys.exit() reaches Py_Exit, which finalises and calls exit(): Emscripten throws ExitStatus.
  if (e && (e.name === 'ExitStatus' || typeof e.status === 'number')) status = e.status;
  else {
    writeSync(2, `cpython-wasm: the interpreter failed: ${e && e.message || e}\n`);
    status = 3;
  }
}
process.exit(status);
