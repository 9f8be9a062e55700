package dev.refgrade.cli;

import dev.refgrade.runtime.PythonVersion;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** `--python 3.11|3.12|3.13|3.14`: which CPython a run reproduces. */
final class PythonVersionOption implements ITypeConverter<PythonVersion> {
    static final String DESCRIPTION = "The CPython to reproduce: 3.11 (default), 3.12, 3.13 or 3.14.";

    @Override
    public PythonVersion convert(String value) {
        return PythonVersion.parse(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a Python version refgrade knows; use " + PythonVersion.choices()));
    }
}
