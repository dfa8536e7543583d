package io.github.fijigan.core.metrics.benefit;

import java.util.Arrays;

/**
 * How well a classifier did on a labelled test set, from its confusion matrix: accuracy, and per
 * class precision, recall and F1, and their macro averages.
 *
 * <p>{@code confusion[t][p]} counts the test images of true class {@code t} predicted as class
 * {@code p}. For class k, with TP its diagonal entry, FP the rest of its column and FN the rest of
 * its row: precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2 TP / (2 TP + FP + FN) (the
 * harmonic mean of precision and recall where both are defined).
 *
 * <p><b>Zero division.</b> A ratio whose denominator is 0 is 0: the precision of a class never
 * predicted, the recall of a class without test images (no support), and the F1 of a class that is
 * neither predicted nor present. This is scikit-learn's {@code zero_division=0}; the macro averages
 * take every class, these zeros included (scikit-learn's {@code average="macro"} with
 * {@code labels} set to all classes). Accuracy is the diagonal over the total, 0 for an empty matrix.
 *
 * <pre>{@code
 * ClassificationMetrics m = ClassificationMetrics.of(truth, predicted, 2);
 * m.accuracy(); m.recall(1); m.f1(1); m.macroF1();
 * }</pre>
 */
public final class ClassificationMetrics {

    private final long[][] confusion;
    private final int classes;

    private ClassificationMetrics(long[][] confusion) {
        this.confusion = confusion;
        this.classes = confusion.length;
    }

    /**
     * @param confusion K × K counts, rows the true class, columns the predicted one
     * @throws IllegalArgumentException when it is empty, not square, or holds a negative count
     */
    public static ClassificationMetrics of(long[][] confusion) {
        int k = confusion.length;
        if (k == 0) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class");
        }
        long[][] copy = new long[k][];
        for (int t = 0; t < k; t++) {
            if (confusion[t].length != k) {
                throw new IllegalArgumentException("a confusion matrix must be square: row " + t + " has "
                        + confusion[t].length + " entries for " + k + " classes");
            }
            for (long v : confusion[t]) {
                if (v < 0) {
                    throw new IllegalArgumentException("confusion matrix row " + t + " holds a negative count " + v);
                }
            }
            copy[t] = confusion[t].clone();
        }
        return new ClassificationMetrics(copy);
    }

    /**
     * Counts the confusion matrix of predictions.
     *
     * @param truth the true class of each test image, 0..classes-1
     * @param predicted the predicted class of each, 0..classes-1
     * @throws IllegalArgumentException when the arrays differ in length or hold a value outside the classes
     */
    public static ClassificationMetrics of(int[] truth, int[] predicted, int classes) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("need at least one class, got " + classes);
        }
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("sample " + i + ": true class " + truth[i] + ", predicted " + predicted[i]
                        + ", outside 0.." + (classes - 1));
            }
            counts[truth[i]][predicted[i]]++;
        }
        return new ClassificationMetrics(counts);
    }

    /** @return the number of classes K */
    public int classes() {
        return classes;
    }

    /** @return a copy of the K × K counts, rows the true class */
    public long[][] confusion() {
        long[][] copy = new long[classes][];
        for (int t = 0; t < classes; t++) {
            copy[t] = confusion[t].clone();
        }
        return copy;
    }

    /** @return the number of test images */
    public long total() {
        long n = 0;
        for (long[] row : confusion) {
            n += Arrays.stream(row).sum();
        }
        return n;
    }

    /** @return the fraction classified right; 0 when there are no test images */
    public double accuracy() {
        long right = 0;
        for (int k = 0; k < classes; k++) {
            right += confusion[k][k];
        }
        return ratio(right, total());
    }

    /** @return the test images of class k (its row sum) */
    public long support(int k) {
        return Arrays.stream(confusion[check(k)]).sum();
    }

    /** @return the images predicted as class k (its column sum) */
    public long predictions(int k) {
        check(k);
        long n = 0;
        for (long[] row : confusion) {
            n += row[k];
        }
        return n;
    }

    /** @return TP / (TP + FP) of class k; 0 when k is never predicted */
    public double precision(int k) {
        return ratio(confusion[check(k)][k], predictions(k));
    }

    /** @return TP / (TP + FN) of class k; 0 when k has no test images */
    public double recall(int k) {
        return ratio(confusion[check(k)][k], support(k));
    }

    /** @return 2 TP / (2 TP + FP + FN) of class k; 0 when k is neither present nor predicted */
    public double f1(int k) {
        long tp = confusion[check(k)][k];
        long fp = predictions(k) - tp;
        long fn = support(k) - tp;
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    /** @return the unweighted mean of {@link #f1} over all classes */
    public double macroF1() {
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += f1(k);
        }
        return sum / classes;
    }

    /** @return the unweighted mean of {@link #recall} over all classes (balanced accuracy when every class has support) */
    public double macroRecall() {
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += recall(k);
        }
        return sum / classes;
    }

    /** @return the unweighted mean of {@link #precision} over all classes */
    public double macroPrecision() {
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += precision(k);
        }
        return sum / classes;
    }

    private int check(int k) {
        if (k < 0 || k >= classes) {
            throw new IndexOutOfBoundsException("class " + k + " of " + classes);
        }
        return k;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : numerator / (double) denominator;
    }

    @Override
    public String toString() {
        return "ClassificationMetrics[" + classes + " classes, " + total() + " images, accuracy " + accuracy()
                + ", macro F1 " + macroF1() + ", confusion " + Arrays.deepToString(confusion) + "]";
    }
}
