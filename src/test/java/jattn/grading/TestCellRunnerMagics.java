package jattn.grading;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The grader treats magics as the kernel does: %jars alone in its cell is skipped; any other magic, or a magic beside Java code, is refused. */
class TestCellRunnerMagics {

    @Test
    void jarsAloneIsSkipped() {
        assertEquals("", CellRunner.stripMagics("%jars ../target/homework.jar\n"));
        assertEquals("", CellRunner.stripMagics("// the course\n%jars a.jar\n%jars b.jar\n"));
    }

    @Test
    void javaWithoutMagicIsKept() {
        assertEquals("int x = 1;\n// 100% sure\n", CellRunner.stripMagics("int x = 1;\n// 100% sure\n"));
    }

    @Test
    void mixedOrOtherMagicsAreRefused() {
        assertNull(CellRunner.stripMagics("%jars a.jar\nimport java.util.*;\n"), "the kernel refuses mixed magic and Java code");
        assertNull(CellRunner.stripMagics("%maven org.ejml:ejml-simple:0.44.0\n"));
    }
}
