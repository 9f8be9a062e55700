package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyDict;

/**
 * The functions of Lib/dataclasses.py (3.11) that are plain Python over a dataclass's fields:
 * is_dataclass, asdict, astuple and replace, with their helpers, and the InitVar class and the
 * _FIELD markers, run from the module's own text
 * (comments and docstrings left out) in the module's namespace each run, so the objects they make,
 * the deep copies of leaf values included, are the ones CPython's make. Tracebacks through them are
 * refused ({@link #FILE}): CPython prints its installed file's path and lines.
 */
final class DataclassesLibrary {
    private DataclassesLibrary() {}

    /** The file name these functions' code carries. */
    static final String FILE = "Lib/dataclasses.py";

    /**
     * Derived from CPython 3.11's Lib/dataclasses.py (Copyright (c) 2001 Python Software Foundation;
     * all rights reserved), used under the PSF License Agreement for Python.
     */
    private static final String SOURCE = """
            import copy
            import types

            class _FIELD_BASE:
                def __init__(self, name):
                    self.name = name
                def __repr__(self):
                    return self.name
            _FIELD = _FIELD_BASE('_FIELD')
            _FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
            _FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

            _EMPTY_METADATA = types.MappingProxyType({})

            _FIELDS = '__dataclass_fields__'

            class InitVar:
                __slots__ = ('type', )

                def __init__(self, type):
                    self.type = type

                def __repr__(self):
                    if isinstance(self.type, type):
                        type_name = self.type.__name__
                    else:
                        type_name = repr(self.type)
                    return f'dataclasses.InitVar[{type_name}]'

                def __class_getitem__(cls, type):
                    return InitVar(type)

            def _is_dataclass_instance(obj):
                return hasattr(type(obj), _FIELDS)

            def is_dataclass(obj):
                cls = obj if isinstance(obj, type) else type(obj)
                return hasattr(cls, _FIELDS)

            def asdict(obj, *, dict_factory=dict):
                if not _is_dataclass_instance(obj):
                    raise TypeError("asdict() should be called on dataclass instances")
                return _asdict_inner(obj, dict_factory)

            def _asdict_inner(obj, dict_factory):
                if _is_dataclass_instance(obj):
                    result = []
                    for f in fields(obj):
                        value = _asdict_inner(getattr(obj, f.name), dict_factory)
                        result.append((f.name, value))
                    return dict_factory(result)
                elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
                    return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
                elif isinstance(obj, (list, tuple)):
                    return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
                elif isinstance(obj, dict):
                    return type(obj)((_asdict_inner(k, dict_factory),
                                      _asdict_inner(v, dict_factory))
                                     for k, v in obj.items())
                else:
                    return copy.deepcopy(obj)

            def astuple(obj, *, tuple_factory=tuple):
                if not _is_dataclass_instance(obj):
                    raise TypeError("astuple() should be called on dataclass instances")
                return _astuple_inner(obj, tuple_factory)

            def _astuple_inner(obj, tuple_factory):
                if _is_dataclass_instance(obj):
                    result = []
                    for f in fields(obj):
                        value = _astuple_inner(getattr(obj, f.name), tuple_factory)
                        result.append(value)
                    return tuple_factory(result)
                elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
                    return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
                elif isinstance(obj, (list, tuple)):
                    return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
                elif isinstance(obj, dict):
                    return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                                      for k, v in obj.items())
                else:
                    return copy.deepcopy(obj)

            def replace(obj, /, **changes):
                if not _is_dataclass_instance(obj):
                    raise TypeError("replace() should be called on dataclass instances")
                for f in getattr(obj, _FIELDS).values():
                    if f._field_type is _FIELD_CLASSVAR:
                        continue

                    if not f.init:
                        if f.name in changes:
                            raise ValueError(f'field {f.name} is declared with '
                                             'init=False, it cannot be specified with '
                                             'replace()')
                        continue
                    if f.name not in changes:
                        if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                            raise ValueError(f"InitVar {f.name!r} "
                                             'must be specified with replace()')
                        changes[f.name] = getattr(obj, f.name)
                return obj.__class__(**changes)
            """;

    /** Runs the text in the module's namespace (which already holds fields()). */
    static void addState(PyRuntime rt, PyDict module) {
        PyCode code = DataclassBuild.compile(rt, FILE, SOURCE);
        try {
            rt.interp.exec(code, module, module);
        } finally {
            rt.heap.decref(code);
        }
    }
}
