package org.hardchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void versionNamesTheProgramAndExitsZero() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("hardchain "), r::toString);
    }

    @Test
    void helpListsUsageAndExitsZero() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Usage: hardchain"), r::toString);
    }

    @Test
    void unknownOptionIsAOneLineUsageErrorWithExitTwo() {
        Cli.Result r = Cli.run("--no-such-option");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }
}
