import java.io.File;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.DynamicCallSiteDesc;
import java.lang.constant.MethodHandleDesc;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Points every pattern switch of the compiled classes under a directory at refgrade's own bootstrap
 * (dev.refgrade.boot.TypeSwitches, which says why) instead of java.lang.runtime.SwitchBootstraps.
 * Run by the Maven build on JDK 25+ (java.lang.classfile) after compiling, so the tests run the code
 * the jar holds; the class path after the directory lets it resolve the types the code names:
 *   java scripts/TypeSwitchBootstrap.java target/classes CLASSPATH
 */
public final class TypeSwitchBootstrap {
    private static final ClassDesc JDK = ClassDesc.of("java.lang.runtime.SwitchBootstraps");
    private static final ClassDesc OURS = ClassDesc.of("dev.refgrade.boot.TypeSwitches");

    public static void main(String[] args) throws IOException {
        // Rewriting a method's code remakes its stack maps, which merge types at branches: the writer must
        // know the hierarchy of every class the code names (the classes here and those on the class path after).
        List<URL> path = new ArrayList<>();
        path.add(Path.of(args[0]).toUri().toURL());
        if (args.length > 1) for (String a : args[1].split(File.pathSeparator)) path.add(Path.of(a).toUri().toURL());
        URLClassLoader loader = new URLClassLoader(path.toArray(new URL[0]), null);
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
        int switches = 0;
        List<Path> classes;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            classes = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path p : classes) {
            ClassModel model = cf.parse(Files.readAllBytes(p));
            int[] here = {0};
            byte[] out = cf.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ofStateful(() -> (b, e) -> {
                if (e instanceof InvokeDynamicInstruction indy && indy.bootstrapMethod().owner().equals(JDK)
                        && indy.bootstrapMethod().methodName().equals("typeSwitch")) {
                    DirectMethodHandleDesc bsm = MethodHandleDesc.ofMethod(DirectMethodHandleDesc.Kind.STATIC, OURS, "typeSwitch",
                            indy.bootstrapMethod().invocationType());
                    b.invokedynamic(DynamicCallSiteDesc.of(bsm, indy.name().stringValue(), indy.typeSymbol(),
                            indy.bootstrapArgs().toArray(new java.lang.constant.ConstantDesc[0])));
                    here[0]++;
                } else {
                    b.with(e);
                }
            })));
            if (here[0] > 0) {
                Files.write(p, out);
                switches += here[0];
            }
        }
        System.out.println("TypeSwitchBootstrap: " + switches + " pattern switches now bootstrapped by dev.refgrade.boot.TypeSwitches");
    }
}
