import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Rewrites the classes of a jar compiled for Java 5 or older (class format below 50) in the Java 8
 * format, with the stack maps the newer format needs, so the JDK 25 AOT cache can hold them: it
 * refuses old-format classes ("Old class has been linked"), and those are then read and verified by
 * the old verifier at every start. picocli 4.7.7, the newest, is compiled for Java 5 and was a
 * quarter of a cold `grade`. The code itself is not changed. Run by the Maven build on JDK 24+
 * (java.lang.classfile), after the jar is shaded and before the AOT cache is trained on it:
 *
 *   java scripts/ModernizeClasses.java target/refgrade.jar picocli/
 */
public final class ModernizeClasses {
    private static final int JAVA_6 = 50, JAVA_8 = 52;

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        String prefix = args[1];
        Path out = jar.resolveSibling(jar.getFileName() + ".modern");
        int rewritten = 0;
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                JarFile in = new JarFile(jar.toFile());
                JarOutputStream to = new JarOutputStream(Files.newOutputStream(out))) {
            // Stack maps merge types at branches, so the writer must know the jar's own class hierarchy too.
            ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                    ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                byte[] bytes;
                try (InputStream s = in.getInputStream(entry)) {
                    bytes = s.readAllBytes();
                }
                if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")) {
                    ClassModel model = cf.parse(bytes);
                    if (model.majorVersion() < JAVA_6) {
                        bytes = cf.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                                .andThen((b, element) -> {
                                    if (element instanceof ClassFileVersion) b.withVersion(JAVA_8, 0);
                                    else b.with(element);
                                }));
                        rewritten++;
                    }
                }
                JarEntry copy = new JarEntry(entry.getName());
                copy.setTime(entry.getTime());
                to.putNextEntry(copy);
                to.write(bytes);
                to.closeEntry();
            }
        }
        Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("ModernizeClasses: " + rewritten + " classes under " + prefix + " rewritten in the Java 8 class format");
    }
}
