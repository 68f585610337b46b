package jattn.grading;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A notebook written back (as release writes the student notebook) stays valid nbformat 4. */
class TestNotebookJson {

    static final String SOURCE = """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}},
             "cells": [
              {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": ["# HW0\\n", "$x$"]},
              {"cell_type": "code", "id": "c1", "execution_count": 3, "metadata": {}, "outputs": [], "source": ["int x = 1;"]}
             ]}
            """;

    @Test
    void aCodeCellWrittenBackKeepsItsExecutionCountAsNull() {
        Notebook nb = Notebook.parse("HW0.ipynb", SOURCE);
        JsonObject out = JsonParser.parseString(nb.withCells(nb.cells()).toJson()).getAsJsonObject();
        JsonObject code = out.getAsJsonArray("cells").get(1).getAsJsonObject();
        assertTrue(code.has("execution_count"), () -> "nbformat 4 requires execution_count in a code cell: " + code);
        assertTrue(code.get("execution_count").isJsonNull(), code::toString);
        assertEquals(0, code.getAsJsonArray("outputs").size());
        assertTrue(!out.getAsJsonArray("cells").get(0).getAsJsonObject().has("execution_count"), "a Markdown cell has none");
    }
}
