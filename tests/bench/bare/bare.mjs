// Bare Pyodide start: runtime + pydantic + networkx (packages load while the runtime starts), then import.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const root = document.documentElement;
try {
  const pyodide = await loadPyodide({ packages: ["pydantic", "networkx"] });
  pyodide.runPython("import pydantic, networkx");
  root.setAttribute("data-app-state", "ready");
} catch (error) {
  console.error(error);
  root.setAttribute("data-app-state", "error");
}
