// Node helper of build.py (Node ships with npm, which the first build needs anyway). Jobs that the
// Python standard library cannot do:
//
//   node build_helper.mjs compile PYODIDE_DIR JOBS.json
//       Compile Python sources to bytecode with the CPython inside the vendored Pyodide (3.14; the host's
//       Python is another version, whose .pyc the browser cannot use). JOBS.json: [{src, out, dfile}]
//       (host paths; dfile is the path the module has in the browser, for tracebacks). The .pyc files are
//       "unchecked hash" (PEP 552): valid without looking at a source or a date. A job with "strip": true
//       is compiled without its docstrings (build.py STRIP_DOCSTRINGS). Prints a JSON list of the
//       sources that did not compile (they ship as source).
//   node build_helper.mjs trace PYODIDE_DIR WHEEL_DIR PY_DIR ROOTS.json
//       Which modules the app imports: loads the wheels of WHEEL_DIR (with its pyodide-lock.json), puts
//       PY_DIR on sys.path, imports every module named in ROOTS.json and prints the files of all modules
//       then loaded (the Pyodide start's own imports included), as JSON.
//   node build_helper.mjs brotli JOBS.json
//       Brotli (quality 11, the largest window) of each {src, out}.
//
// Writes nothing else; build.py decides what is compiled and compressed, and caches the results.
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";

const [command, ...args] = process.argv.slice(2);

function writeAtomic(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

async function compile(pyodideDir, jobsFile) {
  const { loadPyodide } = await import(pathToFileURL(resolve(pyodideDir, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({ indexURL: resolve(pyodideDir) + "/", stdout: () => {}, stderr: () => {} });
  pyodide.FS.mkdirTree("/host");
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: "/" }, "/host");
  pyodide.globals.set("jobs_json", readFileSync(jobsFile, "utf8"));
  const failed = pyodide.runPython(`
import ast, importlib._bootstrap_external as external, importlib.util, json, py_compile

def without_docstrings(source, dfile):
    tree = ast.parse(source, dfile)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                node.body = node.body[1:] or [ast.copy_location(ast.Pass(), first)]
    code = compile(tree, dfile, "exec", dont_inherit=True)
    return external._code_to_hash_pyc(code, importlib.util.source_hash(source), False)

failed = []
for job in json.loads(jobs_json):
    try:
        if job.get("strip"):
            with open("/host" + job["src"], "rb") as handle:
                data = without_docstrings(handle.read(), job["dfile"])
            with open("/host" + job["out"] + ".tmp", "wb") as handle:
                handle.write(data)
        else:
            py_compile.compile("/host" + job["src"], cfile="/host" + job["out"] + ".tmp", dfile=job["dfile"],
                               doraise=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    except (py_compile.PyCompileError, SyntaxError):
        failed.append(job["src"])
json.dumps(failed)
`);
  const jobs = JSON.parse(readFileSync(jobsFile, "utf8"));
  const bad = new Set(JSON.parse(failed));
  for (const job of jobs) if (!bad.has(job.src)) renameSync(job.out + ".tmp", job.out);
  process.stdout.write(failed + "\n");
}

async function trace(pyodideDir, wheelDir, pyDir, rootsFile) {
  const { loadPyodide } = await import(pathToFileURL(resolve(pyodideDir, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({
    indexURL: resolve(pyodideDir) + "/", lockFileURL: resolve(wheelDir, "pyodide-lock.json"),
    packageBaseUrl: resolve(wheelDir) + "/", stdout: () => {}, stderr: () => {},
  });
  const lock = JSON.parse(readFileSync(resolve(wheelDir, "pyodide-lock.json"), "utf8"));
  await pyodide.loadPackage(Object.keys(lock.packages), { messageCallback: () => {} });
  pyodide.FS.mkdirTree("/trace");
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: resolve(pyDir) }, "/trace");
  pyodide.globals.set("roots_json", readFileSync(rootsFile, "utf8"));
  const files = pyodide.runPython(`
import importlib, json, sys
sys.path.insert(0, "/trace")
for name in json.loads(roots_json):
    try:
        importlib.import_module(name)
    except Exception:  # a module that cannot load here (a browser-only path) is simply not traced
        pass
json.dumps(sorted({m.__file__ for m in list(sys.modules.values()) if getattr(m, "__file__", None)}))
`);
  process.stdout.write(files + "\n");
}

function brotli(jobsFile) {
  for (const job of JSON.parse(readFileSync(jobsFile, "utf8"))) {
    const data = readFileSync(job.src);
    const packed = zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
    writeAtomic(job.out, packed);
  }
}

if (command === "compile") await compile(args[0], args[1]);
else if (command === "trace") await trace(args[0], args[1], args[2], args[3]);
else if (command === "brotli") brotli(args[0]);
else {
  process.stderr.write("usage: node build_helper.mjs compile|trace|brotli ... (see the comment at the top)\n");
  process.exit(2);
}
