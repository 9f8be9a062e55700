import java.io.File;
import java.io.IOException;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes at build time the code JDK 25 writes at run time for a pattern switch whose labels are all
 * types: each such switch's invokedynamic of SwitchBootstraps.typeSwitch becomes a call of a private
 * static method added to its class, `typeSwitch$N(selector, restart)`, which answers as the JDK's
 * bootstrap does (-1 for null, else the first label from `restart` the selector is an instance of,
 * else the number of labels) with one instanceof per label.
 *
 * Why: the JDK's bootstrap spins a hidden class per switch with the class-file API, which no AOT cache
 * holds; a cold `run` reaches about 20 of them, and they (and, before this, a bootstrap of our own
 * that bound its labels to a method handle) were a tenth of its CPU. Written here, the switches are
 * plain methods the AOT cache keeps and C2 inlines. Switches with constant labels (strings, enum
 * constants, numbers) or a primitive selector stay the JDK's. Run by the Maven build on JDK 25+ after
 * compiling, so the tests run the code the jar holds; the class path after the directory lets it
 * resolve the types the code names:
 *   java scripts/TypeSwitchMethods.java target/classes CLASSPATH
 */
public final class TypeSwitchMethods {
    private static final ClassDesc JDK = ClassDesc.of("java.lang.runtime.SwitchBootstraps");

    /** One switch to write as a method: its name, its call's type, its labels in order. */
    private record Pending(String name, MethodTypeDesc type, List<ClassDesc> labels) {}

    public static void main(String[] args) throws IOException {
        // Rewriting a method's code remakes its stack maps, which merge types at branches: the writer must
        // know the hierarchy of every class the code names (the classes here and those on the class path after).
        List<URL> path = new ArrayList<>();
        path.add(Path.of(args[0]).toUri().toURL());
        if (args.length > 1) for (String a : args[1].split(File.pathSeparator)) path.add(Path.of(a).toUri().toURL());
        URLClassLoader loader = new URLClassLoader(path.toArray(new URL[0]), null);
        // A new constant pool: the shared one would keep each replaced bootstrap method and its labels.
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(loader))),
                ClassFile.ConstantPoolSharingOption.NEW_POOL);
        int switches = 0;
        List<Path> classes;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            classes = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path p : classes) {
            ClassModel model = cf.parse(Files.readAllBytes(p));
            ClassDesc self = model.thisClass().asSymbol();
            boolean isInterface = model.flags().has(AccessFlag.INTERFACE);
            List<Pending> pending = new ArrayList<>();
            CodeTransform calls = (b, e) -> {
                List<ClassDesc> labels = e instanceof InvokeDynamicInstruction indy ? typeLabels(indy) : null;
                if (labels == null) {
                    b.with(e);
                    return;
                }
                InvokeDynamicInstruction indy = (InvokeDynamicInstruction) e;
                Pending m = new Pending("typeSwitch$" + pending.size(), indy.typeSymbol(), labels);
                pending.add(m);
                b.invokestatic(self, m.name(), m.type(), isInterface);
            };
            byte[] out = cf.transformClass(model, ClassTransform.transformingMethodBodies(calls)
                    .andThen(ClassTransform.endHandler(cb -> pending.forEach(m -> write(cb, m)))));
            if (!pending.isEmpty()) {
                Files.write(p, out);
                switches += pending.size();
            }
        }
        System.out.println("TypeSwitchMethods: " + switches + " pattern switches written as methods");
    }

    /** The labels of a typeSwitch over a reference whose labels are all types; null for any other call. */
    private static List<ClassDesc> typeLabels(InvokeDynamicInstruction indy) {
        if (!indy.bootstrapMethod().owner().equals(JDK) || !indy.bootstrapMethod().methodName().equals("typeSwitch")) return null;
        if (indy.typeSymbol().parameterType(0).isPrimitive()) return null;
        List<ClassDesc> labels = new ArrayList<>();
        for (ConstantDesc c : indy.bootstrapArgs()) {
            if (!(c instanceof ClassDesc d) || d.isPrimitive()) return null;
            labels.add(d);
        }
        return labels;
    }

    private static void write(ClassBuilder cb, Pending m) {
        cb.withMethodBody(m.name(), m.type(), ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC | ClassFile.ACC_SYNTHETIC, code -> {
            Label notNull = code.newLabel();
            code.aload(0).ifnonnull(notNull).iconst_m1().ireturn();
            code.labelBinding(notNull);
            for (int i = 0; i < m.labels().size(); i++) {
                Label next = code.newLabel();
                code.iload(1).loadConstant(i).if_icmpgt(next); // a label before the restart index is passed over
                code.aload(0).instanceOf(m.labels().get(i)).ifeq(next);
                code.loadConstant(i).ireturn();
                code.labelBinding(next);
            }
            code.loadConstant(m.labels().size()).ireturn();
        });
    }
}
