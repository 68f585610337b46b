// Run by rapaio-jupyter-kernel when a Java notebook starts (RJK_INIT_SCRIPT, set by ./course setup).
// Show the value of a cell's last expression as plain text, so a matrix keeps its rows:
// the kernel's default (text/html) collapses newlines. Rich output goes through jattn.viz.Display.
org.rapaio.jupyter.kernel.global.Global.options().set("display.defaultMime", "text/plain");
