package jattn.viz;

import tech.tablesaw.plotly.components.Figure;

/** A course figure described by its settings ({@link Heatmap}, {@link HeatmapGrid}, {@link Lines}); {@link Display#figure(Chart)} shows it. */
public interface Chart {
    /** The plotly figure, checked: a missing axis title or a label count that does not fit the data is an error here. */
    Figure figure();
}
