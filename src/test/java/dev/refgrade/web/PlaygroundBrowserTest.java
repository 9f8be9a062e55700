package dev.refgrade.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.server.Errors;
import dev.refgrade.server.SimulatorGate;
import dev.refgrade.server.playground.Playground;
import dev.refgrade.server.playground.PlaygroundApi;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;

/** The playground in a real browser: paste a program, run it, step with buttons and keys, read the heap. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundBrowserTest {
    private static final String PROGRAM = """
            a = [1, 2]
            b = a
            def f(x):
                y = x
                return y
            c = f(a)
            del a
            print(len(b))
            """;

    private Javalin app;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.staticFiles.add("/web", Location.CLASSPATH);
            Errors.register(cfg.routes);
            new PlaygroundApi(new Playground(Playground.LIMITS, Playground.MAX_STEPS), SimulatorGate.forThisMachine()).routes(cfg.routes);
        });
        app.start("127.0.0.1", 0);
        browser = new Browser("http://127.0.0.1:" + app.port() + "/");
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        app.stop();
    }

    private void runProgram(String code) {
        browser.open("playground.html");
        var editor = browser.find("#code");
        editor.clear();
        editor.sendKeys(code);
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    }

    @Test
    void stepsThroughAProgramWithTheHeapAndItsCountChanges() {
        runProgram(PROGRAM);
        browser.waitForText("#position", "Step 1 of");
        browser.assertAccessible();
        assertTrue(browser.find("#events").getText().contains("new list [1, 2]"), browser.find("#events").getText());
        assertEquals("1", browser.find("#listing li.current").getAttribute("data-line"));

        browser.find("#next").click();
        browser.waitForText("#position", "Step 2 of");
        String events = browser.find("#events").getText();
        assertTrue(events.contains("list [1, 2]") && events.contains("1 → 2") && events.contains("+ global name 'b'"), events);
        String diagram = browser.find("#diagram svg").getText();
        assertTrue(diagram.contains("rc 2"), diagram);
        assertEquals(1, browser.all("#diagram svg .object.changed").size(), "the list whose count changed is highlighted");
        browser.screenshot("playground-step-2");

        // Keys step too: → into the call, where f's frame appears beside the module's.
        browser.find("#next").sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        browser.waitForText("#heap-title", "in f");
        String frames = browser.find("#diagram svg").getText();
        assertTrue(frames.contains("<module> · in the call at line 6") && frames.contains("f()\n"),
                "each frame says where it is, the caller waiting in its call; f() is the call, not the function object: " + frames);
        assertTrue(browser.find("#status").getAttribute("textContent").startsWith("Step 5 of"));
        browser.screenshot("playground-in-call");

        browser.find("#next").sendKeys(Keys.ARROW_LEFT);
        browser.waitForText("#position", "Step 4 of");
        browser.find("#prev").sendKeys(Keys.END);
        browser.waitForText("#heap-title", "the program ends");
        assertTrue(browser.find("#output").getText().contains("2"), browser.find("#output").getText());
        assertTrue(browser.find("#events").getText().contains("freed list"), browser.find("#events").getText());
        browser.find("#last").isEnabled();
        browser.screenshot("playground-end");
    }

    @Test
    void aSyntaxErrorIsShownAtItsLineAndColumn() {
        runProgram("x = 1\ny = (1,\n");
        String problem = browser.waitForText("#problem", "SyntaxError");
        assertTrue(problem.contains("line 2"), problem);
        assertEquals(1, problem.split("SyntaxError", -1).length - 1, "one prefix, the one CPython prints: " + problem);
        assertEquals("2", browser.find("#listing li.failed").getAttribute("data-line"));
        browser.assertAccessible();
    }

    /** The A and B of the seed notebook: after line 14 no name reaches them, yet they hold each other, each with count 1. */
    private static final String LEAK = """
            import gc
            class A:
                def __init__(self):
                    self.b = B(self)
            class B:
                def __init__(self, a):
                    self.a = a
            gc.disable()
            my_var = A()
            a_id = id(my_var)
            b_id = id(my_var.b)
            alias = my_var.b
            del alias
            my_var = None
            print(gc.collect())
            """;

    @Test
    void aLeakedCycleIsDrawnAliveWithItsCounts() {
        runProgram(LEAK);
        browser.waitForText("#position", "Step 1 of");
        for (int i = 0; i < 80 && !browser.find("#heap-title").getText().contains("line 14"); i++) browser.find("#next").click();
        browser.waitForText("#heap-title", "line 14");
        var leaked = browser.all("#diagram svg .object.unreachable");
        assertEquals(2, leaked.size(), browser.find("#diagram svg").getText());
        for (var box : leaked) assertTrue(box.getText().contains("rc 1"), box.getText());
        assertTrue(browser.find("#diagram svg").getText().contains("Alive, but no name reaches them"));
        browser.assertAccessible();
        browser.screenshot("playground-leaked-cycle-line-14");
        browser.find("#next").click();
        browser.waitForText("#heap-title", "line 15");
        assertEquals(0, browser.all("#diagram svg .object.unreachable").size(), "gc.collect() freed them");
    }

    @Test
    void aShareLinkRunsTheSameProgramAndTheBeginnerViewKeepsOnlyTheProgramsData() {
        runProgram(LEAK);
        browser.waitForText("#position", "Step 1 of");
        String link = browser.find("#share").getAttribute("value");
        assertTrue(link.contains("playground.html#code="), link);
        browser.open("index.html");
        browser.driver.get(link);
        browser.waitForText("#position", "Step 1 of");
        assertEquals(LEAK, browser.find("#code").getAttribute("value"));
        browser.find("#last").click();
        browser.waitForText("#heap-title", "the program ends");
        for (int i = 0; i < 80 && !browser.find("#heap-title").getText().contains("line 14"); i++) browser.find("#prev").click();
        browser.find("#beginner").click();
        String names = browser.find("#diagram svg .frame").getText();
        assertTrue(names.contains("my_var") && !names.contains("gc") && !names.contains("A\n"), names);
        assertEquals(2, browser.all("#diagram svg .object.unreachable").size(), "the leaked cycle is the program's data");
        browser.assertAccessible();
        browser.screenshot("playground-beginner-share-link");
    }
}
