package dev.refgrade.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where an exercise's rubrics live: the folder given, else a `rubrics` folder up to three levels above the file. */
final class RubricsDir {
    private RubricsDir() {}

    static Path find(Path given, Path exerciseFile) {
        if (given != null) return given;
        Path file = exerciseFile.toAbsolutePath();
        for (Path p = file.getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("rubrics"))) return p.resolve("rubrics");
            if (p.getNameCount() < file.getNameCount() - 3) break;
        }
        return null;
    }
}
