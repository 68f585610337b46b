package jattn.position;

import jattn.autograd.Tensor;
import jattn.rnn.GruCell;
import jattn.rnn.RnnCell;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TestRecurrentPositionalEncoding {

    @Test
    void rowsAreTheStatesOfTheCellFedOnesFromAZeroState() {
        RnnCell cell = new RnnCell(3, 5, new Random(41));
        RecurrentPositionalEncoding pe = new RecurrentPositionalEncoding(cell, 7);
        assertEquals(7, pe.maxLen());
        assertEquals(5, pe.dModel());
        Tensor x = Tensor.of(new double[][]{{1, 1, 1}}), h = Tensor.of(new double[1][5]);
        for (int t = 0; t < 7; t++) {
            h = h.matmul(cell.wh()).add(x.matmul(cell.wx())).add(cell.b()).tanh();   // h_t = tanh(x·Wx + h·Wh + b)
            for (int j = 0; j < 5; j++) assertEquals(h.get(0, j), pe.table().get(t, j), 1e-12, "row " + t);
        }
        assertFalse(pe.table().requiresGrad(), "a constant table");
        assertTrue(pe.table().get(0, 0) != pe.table().get(1, 0), "the state changes from step to step");
    }

    @Test
    void worksWithAnyCellAndRejectsAnEmptyTable() {
        GruCell gru = new GruCell(2, 4, new Random(42));
        RecurrentPositionalEncoding pe = new RecurrentPositionalEncoding(gru, 3);
        Tensor h1 = gru.step(Tensor.of(new double[][]{{1, 1}}), Tensor.of(new double[1][4]));
        for (int j = 0; j < 4; j++) assertEquals(h1.get(0, j), pe.table().get(0, j), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RecurrentPositionalEncoding(gru, 0));
        assertTrue(e.getMessage().contains("maxLen"), e.getMessage());
    }
}
