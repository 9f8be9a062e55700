package dev.refgrade.runtime.stdlib;

import dev.refgrade.python.Module;
import dev.refgrade.python.Parser;
import dev.refgrade.runtime.compile.Compiler;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyObject;

/** Python source a library module runs, as CPython runs its Lib/*.py code: compiled here, then exec'd in the module's namespace. */
final class LibrarySource {
    private LibrarySource() {}

    /** compile(source, file, "exec"); source the simulator wrote, so it must parse. */
    static PyCode compile(PyRuntime rt, String file, String source) {
        Module m;
        try {
            m = Parser.parse(file, source);
        } catch (dev.refgrade.python.ParseError e) {
            throw new IllegalStateException("library source that does not parse: " + source, e);
        }
        Compiler compiler = new Compiler(rt, file);
        PyCode code = compiler.compileModule(m);
        // compile() drops the parse tree once the code is made.
        for (PyObject c : compiler.constants.arena) rt.heap.decref(c);
        compiler.constants.arena.clear();
        return code;
    }
}
