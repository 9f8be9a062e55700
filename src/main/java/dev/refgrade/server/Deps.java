package dev.refgrade.server;

import dev.refgrade.grading.Grader;
import dev.refgrade.server.ops.Drain;
import dev.refgrade.store.Store;
import java.time.Clock;

/**
 * Everything the app uses, passed in whole: no statics, so tests run several apps side by side.
 * {@code gate} bounds the simulator work requests start (playground runs, draft checks);
 * {@code drain} lets a stopping server answer every request it admitted before Jetty stops.
 */
public record Deps(Store store, Catalog catalog, Grader grader, Clock clock, Config config, SimulatorGate gate, Drain drain) {}
