package dev.orl.model.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoreBudgetTest {

    @Test
    void warnsWhenARunTakesEveryCoreOfABusyMachine() {
        Optional<String> w = CoreBudget.warning(0, 2, 3.5, "--set threads=1");
        assertTrue(w.isPresent(), "load 3.5 on 2 cores with threads: 0 must warn");
        assertTrue(w.get().contains("load average 3.5 on 2 cores") && w.get().contains("--set threads=1"), w.get());
    }

    @Test
    void staysQuietOnAQuietMachineOrWhenThreadsAreCapped() {
        assertEquals(Optional.empty(), CoreBudget.warning(0, 2, 0.4, "--threads 1"));
        assertEquals(Optional.empty(), CoreBudget.warning(1, 2, 9.0, "--threads 1"), "a capped run is already sharing politely");
        assertEquals(Optional.empty(), CoreBudget.warning(0, 2, -1.0, "--threads 1"), "no load average reported: no guess");
    }

    @Test
    void warnsWhenThreadsExceedTheCores() {
        Optional<String> w = CoreBudget.warning(8, 2, 0.0, "--threads 1");
        assertTrue(w.isPresent() && w.get().contains("threads: 8 exceeds the 2 cores"), w.toString());
    }
}
