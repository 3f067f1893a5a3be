package dev.orl.model.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeAllocatorTest {

    /** The recommended settings parsed as a shell would export them. */
    private static Map<String, String> recommended() {
        Map<String, String> env = new HashMap<>();
        for (String assignment : NativeAllocator.RECOMMENDED.split(" ")) {
            String[] kv = assignment.split("=", 2);
            env.put(kv[0], kv[1]);
        }
        return env;
    }

    @Test
    void recommendedSettingsAreRecognisedAsReusingFreedMemory() {
        NativeAllocator allocator = NativeAllocator.of(recommended());
        assertTrue(allocator.reusesFreedMemory(), "the recommended settings must pass their own check: " + allocator);
        assertEquals("malloc reuses freed memory", allocator.describe());
    }

    @Test
    void anUnsetOrPartialEnvironmentGetsTheAdvice() {
        NativeAllocator unset = NativeAllocator.of(Map.of());
        assertFalse(unset.reusesFreedMemory(), "glibc's defaults unmap large freed blocks");
        assertTrue(unset.describe().contains(NativeAllocator.RECOMMENDED), "advice should say what to set, was: "
                + unset.describe());
        for (String missing : recommended().keySet()) {
            Map<String, String> env = recommended();
            env.remove(missing);
            assertFalse(NativeAllocator.of(env).reusesFreedMemory(), "without " + missing);
        }
        Map<String, String> smallTrim = recommended();
        smallTrim.put("MALLOC_TRIM_THRESHOLD_", "134217728");
        assertFalse(NativeAllocator.of(smallTrim).reusesFreedMemory(), "a 128 MB trim threshold still trims a step");
        Map<String, String> garbage = recommended();
        garbage.put("MALLOC_TRIM_THRESHOLD_", "lots");
        assertFalse(NativeAllocator.of(garbage).reusesFreedMemory(), "an unparseable threshold");
    }
}
