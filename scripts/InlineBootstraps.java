import java.io.File;
import java.io.IOException;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DirectMethodHandleDesc;
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
 * Writes at build time, as plain methods, the code two of JDK 25's bootstraps write at run time:
 *
 * - a pattern switch whose labels are all types (SwitchBootstraps.typeSwitch) becomes a call of
 *   `typeSwitch$N(selector, restart)`, which answers as the bootstrap does: -1 for null, else the
 *   first label from `restart` the selector is an instance of, else the number of labels;
 * - a record's equals, hashCode and toString (ObjectMethods.bootstrap) become calls of
 *   `record$equals`, `record$hashCode` and `record$toString`, which compute what ObjectMethods'
 *   method handles compute: the same instance or an instance whose components are all equal
 *   (Objects.equals, == for integral types, Float/Double.compare for floating ones); 31 * h + each
 *   component's hash from 0; `Name[a=1, b=x]`.
 *
 * Why: each bootstrap spins classes or method-handle forms at its first call (a class per switch, a
 * tree of forms per record method), which no AOT cache holds. A cold `run` reaches about 20 switches,
 * a cold `grade` a dozen record methods, and linking them was a tenth of their CPU. Written here,
 * they are ordinary methods the cache keeps and C2 inlines. Switches with constant labels or a
 * primitive selector stay the JDK's. Run by the Maven build on JDK 25+ after compiling, so the tests
 * run the code the jar holds; the class path after the directory lets it resolve the types named:
 *   java scripts/InlineBootstraps.java target/classes CLASSPATH
 */
public final class InlineBootstraps {
    private static final ClassDesc SWITCHES = ClassDesc.of("java.lang.runtime.SwitchBootstraps");
    private static final ClassDesc RECORDS = ClassDesc.of("java.lang.runtime.ObjectMethods");
    private static final ClassDesc OBJECTS = ClassDesc.of("java.util.Objects");
    private static final ClassDesc BUILDER = ClassDesc.of("java.lang.StringBuilder");

    /** A method to add to the class: its name, its type, and how its code is written. */
    private record Added(String name, MethodTypeDesc type, java.util.function.Consumer<CodeBuilder> code) {}

    public static void main(String[] args) throws IOException {
        // Rewriting a method's code remakes its stack maps, which merge types at branches: the writer must
        // know the hierarchy of every class the code names (the classes here and those on the class path after).
        List<URL> path = new ArrayList<>();
        path.add(Path.of(args[0]).toUri().toURL());
        if (args.length > 1) for (String a : args[1].split(File.pathSeparator)) path.add(Path.of(a).toUri().toURL());
        URLClassLoader loader = new URLClassLoader(path.toArray(new URL[0]), null);
        // A new constant pool: the shared one would keep each replaced bootstrap method and its arguments.
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(loader))),
                ClassFile.ConstantPoolSharingOption.NEW_POOL);
        int switches = 0, records = 0;
        List<Path> classes;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            classes = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path p : classes) {
            ClassModel model = cf.parse(Files.readAllBytes(p));
            ClassDesc self = model.thisClass().asSymbol();
            boolean isInterface = model.flags().has(AccessFlag.INTERFACE);
            List<Added> added = new ArrayList<>();
            int[] counts = {0, 0};
            CodeTransform calls = (b, e) -> {
                Added m = e instanceof InvokeDynamicInstruction indy ? replacement(indy, counts[0]) : null;
                if (m == null) {
                    b.with(e);
                    return;
                }
                if (m.name().startsWith("typeSwitch$")) counts[0]++;
                else counts[1]++;
                if (added.stream().noneMatch(a -> a.name().equals(m.name()))) added.add(m);
                b.invokestatic(self, m.name(), m.type(), isInterface);
            };
            byte[] out = cf.transformClass(model, ClassTransform.transformingMethodBodies(calls)
                    .andThen(ClassTransform.endHandler(cb -> added.forEach(m -> write(cb, m)))));
            if (!added.isEmpty()) {
                Files.write(p, out);
                switches += counts[0];
                records += counts[1];
            }
        }
        System.out.println("InlineBootstraps: " + switches + " pattern switches and " + records + " record methods written as methods");
    }

    /** The method that replaces this invokedynamic, or null to leave it to the JDK. */
    private static Added replacement(InvokeDynamicInstruction indy, int switchesSoFar) {
        DirectMethodHandleDesc bsm = indy.bootstrapMethod();
        if (bsm.owner().equals(SWITCHES) && bsm.methodName().equals("typeSwitch")) {
            List<ClassDesc> labels = typeLabels(indy);
            return labels == null ? null : new Added("typeSwitch$" + switchesSoFar, indy.typeSymbol(), code -> typeSwitch(code, labels));
        }
        if (bsm.owner().equals(RECORDS) && bsm.methodName().equals("bootstrap")) {
            List<ConstantDesc> a = indy.bootstrapArgs();
            ClassDesc record = (ClassDesc) a.get(0);
            List<DirectMethodHandleDesc> getters = new ArrayList<>();
            for (ConstantDesc g : a.subList(2, a.size())) getters.add((DirectMethodHandleDesc) g);
            String names = (String) a.get(1);
            return switch (indy.name().stringValue()) {
                case "equals" -> new Added("record$equals", indy.typeSymbol(), code -> equals(code, record, getters));
                case "hashCode" -> new Added("record$hashCode", indy.typeSymbol(), code -> hashCode(code, getters));
                case "toString" -> new Added("record$toString", indy.typeSymbol(), code -> toString(code, record, names, getters));
                default -> null;
            };
        }
        return null;
    }

    /** The labels of a typeSwitch over a reference whose labels are all types; null for any other. */
    private static List<ClassDesc> typeLabels(InvokeDynamicInstruction indy) {
        if (indy.typeSymbol().parameterType(0).isPrimitive()) return null;
        List<ClassDesc> labels = new ArrayList<>();
        for (ConstantDesc c : indy.bootstrapArgs()) {
            if (!(c instanceof ClassDesc d) || d.isPrimitive()) return null;
            labels.add(d);
        }
        return labels;
    }

    private static void write(ClassBuilder cb, Added m) {
        cb.withMethodBody(m.name(), m.type(), ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC | ClassFile.ACC_SYNTHETIC, m.code());
    }

    private static void typeSwitch(CodeBuilder code, List<ClassDesc> labels) {
        Label notNull = code.newLabel();
        code.aload(0).ifnonnull(notNull).iconst_m1().ireturn();
        code.labelBinding(notNull);
        for (int i = 0; i < labels.size(); i++) {
            Label next = code.newLabel();
            code.iload(1).loadConstant(i).if_icmpgt(next); // a label before the restart index is passed over
            code.aload(0).instanceOf(labels.get(i)).ifeq(next);
            code.loadConstant(i).ireturn();
            code.labelBinding(next);
        }
        code.loadConstant(labels.size()).ireturn();
    }

    /** ObjectMethods.makeEquals: the same object, or an instance of the record with every component equal. */
    private static void equals(CodeBuilder code, ClassDesc record, List<DirectMethodHandleDesc> getters) {
        Label no = code.newLabel(), compare = code.newLabel();
        code.aload(0).aload(1).if_acmpne(compare).iconst_1().ireturn();
        code.labelBinding(compare);
        code.aload(1).instanceOf(record).ifeq(no);
        code.aload(1).checkcast(record).astore(2);
        // Last component first: ObjectMethods nests each component's test around the ones before it.
        for (DirectMethodHandleDesc g : getters.reversed()) {
            ClassDesc t = fieldType(g);
            code.aload(0).getfield(record, g.methodName(), t);
            code.aload(2).getfield(record, g.methodName(), t);
            switch (TypeKind.from(t)) {
                case FLOAT -> code.invokestatic(ConstantDescs.CD_Float, "compare", MethodTypeDesc.of(ConstantDescs.CD_int, t, t)).ifne(no);
                case DOUBLE -> code.invokestatic(ConstantDescs.CD_Double, "compare", MethodTypeDesc.of(ConstantDescs.CD_int, t, t)).ifne(no);
                case LONG -> code.lcmp().ifne(no);
                case REFERENCE -> code.invokestatic(OBJECTS, "equals",
                        MethodTypeDesc.of(ConstantDescs.CD_boolean, ConstantDescs.CD_Object, ConstantDescs.CD_Object)).ifeq(no);
                default -> code.if_icmpne(no); // int, short, char, byte, boolean
            }
        }
        code.iconst_1().ireturn();
        code.labelBinding(no);
        code.iconst_0().ireturn();
    }

    /** ObjectMethods.makeHashCode: from 0, 31 times the hash so far plus each component's hash (its box's, or Objects.hashCode). */
    private static void hashCode(CodeBuilder code, List<DirectMethodHandleDesc> getters) {
        code.iconst_0();
        for (DirectMethodHandleDesc g : getters) {
            ClassDesc t = fieldType(g);
            code.bipush(31).imul();
            code.aload(0).getfield(g.owner(), g.methodName(), t);
            if (t.isPrimitive()) code.invokestatic(box(t), "hashCode", MethodTypeDesc.of(ConstantDescs.CD_int, t));
            else code.invokestatic(OBJECTS, "hashCode", MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_Object));
            code.iadd();
        }
        code.ireturn();
    }

    /** ObjectMethods.makeToString: the record's simple name, then each component as name=value, in brackets. */
    private static void toString(CodeBuilder code, ClassDesc record, String names, List<DirectMethodHandleDesc> getters) {
        String[] name = names.isEmpty() ? new String[0] : names.split(";");
        code.new_(BUILDER).dup().invokespecial(BUILDER, "<init>", MethodTypeDesc.of(ConstantDescs.CD_void));
        code.loadConstant(simpleName(record) + "[");
        append(code, ConstantDescs.CD_String);
        for (int i = 0; i < getters.size(); i++) {
            ClassDesc t = fieldType(getters.get(i));
            code.loadConstant((i == 0 ? "" : ", ") + name[i] + "=");
            append(code, ConstantDescs.CD_String);
            code.aload(0).getfield(getters.get(i).owner(), getters.get(i).methodName(), t);
            append(code, t.isPrimitive() ? (t.equals(ConstantDescs.CD_byte) || t.equals(ConstantDescs.CD_short) ? ConstantDescs.CD_int : t)
                    : ConstantDescs.CD_Object);
        }
        code.loadConstant("]");
        append(code, ConstantDescs.CD_String);
        code.invokevirtual(BUILDER, "toString", MethodTypeDesc.of(ConstantDescs.CD_String)).areturn();
    }

    private static void append(CodeBuilder code, ClassDesc t) {
        code.invokevirtual(BUILDER, "append", MethodTypeDesc.of(BUILDER, t));
    }

    /** As Class.getSimpleName gives it: after the last '$', without a local class's number. */
    private static String simpleName(ClassDesc record) {
        String n = record.displayName();
        n = n.substring(n.lastIndexOf('$') + 1);
        int i = 0;
        while (i < n.length() && Character.isDigit(n.charAt(i))) i++;
        return n.substring(i);
    }

    private static ClassDesc fieldType(DirectMethodHandleDesc getter) {
        return ClassDesc.ofDescriptor(getter.lookupDescriptor());
    }

    private static ClassDesc box(ClassDesc primitive) {
        return switch (primitive.descriptorString()) {
            case "I" -> ConstantDescs.CD_Integer;
            case "J" -> ConstantDescs.CD_Long;
            case "Z" -> ConstantDescs.CD_Boolean;
            case "C" -> ConstantDescs.CD_Character;
            case "B" -> ConstantDescs.CD_Byte;
            case "S" -> ConstantDescs.CD_Short;
            case "F" -> ConstantDescs.CD_Float;
            case "D" -> ConstantDescs.CD_Double;
            default -> throw new IllegalArgumentException(primitive.descriptorString());
        };
    }
}
