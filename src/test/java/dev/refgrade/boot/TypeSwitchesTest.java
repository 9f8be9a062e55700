package dev.refgrade.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.runtime.SwitchBootstraps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our pattern-switch bootstrap (issue 21's cold start; the tests run with -Drefgrade.coldStart=true,
 * as ./refgrade starts run, check and grade) answers as the JDK's for every target and restart index.
 */
class TypeSwitchesTest {
    sealed interface Shape permits Circle, Square, Polygon {}

    record Circle(int r) implements Shape {}

    record Square(int side) implements Shape {}

    non-sealed interface Polygon extends Shape {}

    record Triangle() implements Polygon {}

    private static final MethodType TYPE = MethodType.methodType(int.class, Shape.class, int.class);

    private static List<Integer> answers(MethodHandle site, Shape[] targets, int labels) throws Throwable {
        List<Integer> out = new ArrayList<>();
        for (Shape t : targets) {
            for (int restart = 0; restart <= labels; restart++) out.add((int) site.invokeExact(t, restart));
        }
        return out;
    }

    private static void sameAsTheJdk(Object... labels) throws Throwable {
        var lookup = MethodHandles.lookup();
        Shape[] targets = {new Circle(1), new Square(2), new Triangle(), new Polygon() {}, null};
        MethodHandle ours = TypeSwitches.typeSwitch(lookup, "typeSwitch", TYPE, labels).dynamicInvoker();
        MethodHandle jdks = SwitchBootstraps.typeSwitch(lookup, "typeSwitch", TYPE, labels).dynamicInvoker();
        assertEquals(answers(jdks, targets, labels.length), answers(ours, targets, labels.length), Arrays.toString(labels));
    }

    @Test
    void theTestsRunOurBootstrapNotOnlyTheJdks() {
        assertTrue(TypeSwitches.COLD_START, "surefire sets -Drefgrade.coldStart=true (pom.xml)");
    }

    @Test
    void typeLabelsMatchTheFirstInstanceFromTheRestartIndex() throws Throwable {
        sameAsTheJdk(Circle.class, Square.class, Triangle.class, Polygon.class);
    }

    @Test
    void aSupertypeBeforeItsSubtypeStillMatchesInOrder() throws Throwable {
        sameAsTheJdk(Polygon.class, Triangle.class, Shape.class, Circle.class);
    }

    @Test
    void aRepeatedLabelAsAGuardedCaseMakesMatchesLikeTheJdk() throws Throwable {
        sameAsTheJdk(Circle.class, Circle.class, Square.class);
    }

    @Test
    void noLabelsGivesTheCountOrMinusOneForNull() throws Throwable {
        sameAsTheJdk();
    }

    @Test
    void aSwitchWithAConstantLabelIsTheJdksOwn() throws Throwable {
        MethodType strings = MethodType.methodType(int.class, Object.class, int.class);
        MethodHandle site = TypeSwitches.typeSwitch(MethodHandles.lookup(), "typeSwitch", strings, "a", String.class).dynamicInvoker();
        assertEquals(List.of(0, 1, 2), List.of((int) site.invokeExact((Object) "a", 0), (int) site.invokeExact((Object) "b", 0),
                (int) site.invokeExact((Object) 1, 0)));
    }
}
