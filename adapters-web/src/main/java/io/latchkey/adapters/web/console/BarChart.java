package io.latchkey.adapters.web.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A small bar chart laid out on the server, drawn by the template as inline SVG (no script, no inline style).
 *
 * @param title what is counted
 * @param bars one per hour, oldest first, with its geometry in a 240×60 view box
 * @param peak the largest value, the top of the scale
 * @param latest the newest bar's value
 */
record BarChart(String title, List<Bar> bars, double peak, double latest) {

    static final int WIDTH = 240;
    static final int HEIGHT = 60;

    record Bar(double x, double y, double width, double height, String label, double value) {
    }

    static BarChart of(String title, List<String> labels, List<Double> values) {
        double peak = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double slot = (double) WIDTH / Math.max(1, values.size());
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i);
            double height = peak <= 0 ? 0 : Math.max(value > 0 ? 1 : 0, value / peak * (HEIGHT - 2));
            bars.add(new Bar(i * slot + 1, HEIGHT - height, Math.max(1, slot - 2), height, labels.get(i), value));
        }
        return new BarChart(title, List.copyOf(bars), peak, values.isEmpty() ? 0 : values.get(values.size() - 1));
    }
}
