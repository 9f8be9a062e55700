#!/usr/bin/env bash
# Regenerates versions/<v>/NAME.out (and NAME.err, NAME.exit when it writes to stderr) for the golden
# programs one folder up, from the real CPython of each version: the pyodide builds that
# tools/cpython-wasm/run.mjs runs as `python3 FILE.py` runs a file (see its README).
#   bash src/test/resources/programs/versions/regen.sh [3.12 3.13 3.14]
# Left out, because a 32-bit WebAssembly build cannot speak for 64-bit Linux there: programs that
# print hashes (hash_numbers_and_tuples: Py_hash_t is 32 bits) or object sizes (sizeof_core_types, sizeof_dunder, sizeof_iterators, sizeof_own_method,
# slice_objects, complex_numbers, unpacking_displays, dict_popitem_sizes, array_slices), and dataclass_basics,
# dataclass_slots, dataclass_inheritance, dataclass_asdict_replace, dataclass_kw_only, dataclass_field_options,
# dataclass_initvar, dataclass_field_metadata and exc_frozen_dataclass (dataclasses is modelled as 3.11's only).
# array_bytes_methods prints the bytes of C longs, 4 bytes wide in the 32-bit build.
# Left out on 3.13+: array_unicode, whose 'u' arrays warn there (DeprecationWarning, refused), operator_getters
# (methodcaller keeps a vectorcall cache of its arguments there: refused),
# exc_traceback_keeps_locals, which reads a function frame's f_locals, a PEP 667 proxy the simulator
# refuses, the enum_* programs (enum is modelled as 3.11's and 3.12's), and the shutdown_* programs and exc_with_managers, whose two or more
# finalizers at exit 3.13 runs in another order, which the simulator refuses; on 3.14:
# automatic_collection_runs, whose automatic collections the simulator refuses (when 3.14's
# incremental collector starts depends on the heap's size),
# variable_annotations (PEP 649 deferred annotations, refused), and
# special_methods_bound, whose count of the manager inside __exit__ under LOAD_SPECIAL the simulator gives one too high,
# set_display_constants, whose equal set displays built in other orders 3.14 merges in a way the simulator refuses, and
# gc_referrers, gc_freeze_threshold_finalized and gc_get_stats, whose gc.get_referrers, gc.set_threshold and gc.get_stats the
# simulator refuses there (the incremental collector's lists and thresholds are not modelled).
# VersionConformanceTest runs the rest per modelled version.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runner="$here/../../../../../tools/cpython-wasm/run.mjs"
[ $# -gt 0 ] || set -- 3.12 3.13 3.14
for v in "$@"; do
    skip=" hash_numbers_and_tuples sizeof_core_types sizeof_dunder sizeof_iterators sizeof_own_method slice_objects complex_numbers dataclass_basics dataclass_slots unpacking_displays dict_popitem_sizes array_bytes_methods dataclass_inheritance dataclass_asdict_replace dataclass_kw_only dataclass_field_options dataclass_initvar dataclass_field_metadata array_slices exc_frozen_dataclass "
    case "$v" in 3.13|3.14) skip="$skip exc_traceback_keeps_locals array_unicode operator_getters enum_basics enum_identity_refcount enum_aliases_iteration enum_methods enum_hooks enum_in_use shutdown_globals_bound_in_del shutdown_finalizer_order shutdown_gc_disabled shutdown_cycles_and_weakrefs exc_with_managers " ;; esac
    case "$v" in 3.14) skip="$skip special_methods_bound set_display_constants automatic_collection_runs gc_referrers gc_freeze_threshold_finalized gc_get_stats variable_annotations " ;; esac
    mkdir -p "$here/$v"
    rm -f "$here/$v"/*.out "$here/$v"/*.err "$here/$v"/*.exit
    for py in "$here"/../*.py; do
        n="$(basename "$py" .py)"
        case "$skip" in *" $n "*) continue ;; esac
        status=0
        (cd "$here/.." && node "$runner" --python "$v" "$n.py" > "$here/$v/$n.out" 2> "$here/$v/$n.err") || status=$?
        if [ "$status" -eq 0 ] && [ ! -s "$here/$v/$n.err" ]; then
            rm -f "$here/$v/$n.err"
        else
            echo "$status" > "$here/$v/$n.exit"
        fi
    done
done
