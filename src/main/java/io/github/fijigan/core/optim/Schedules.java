package io.github.fijigan.core.optim;

/** The schedules {@link LearningRateSchedule#parse} makes. */
final class Schedules {

    static final String CONSTANT = "constant";
    static final String LINEAR = "linear";
    static final String STEP = "step";
    static final String COSINE = "cosine";

    private Schedules() {}

    static void requireEpoch(int epoch, int epochs) {
        if (epochs < 1 || epoch < 0 || epoch >= epochs) {
            throw new IllegalArgumentException("epoch " + epoch + " is outside a run of " + epochs + " epochs (0.."
                    + (epochs - 1) + ")");
        }
    }

    /** A factor as its shortest decimal form: 0.1, not 0.1000000000000000055. */
    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    record Constant() implements LearningRateSchedule {
        @Override
        public double factor(int epoch, int epochs) {
            requireEpoch(epoch, epochs);
            return 1;
        }

        @Override
        public String spec() {
            return CONSTANT;
        }
    }

    /** @param constantEpochs epochs at the full rate; {@link #HALF} for half the run, rounded down */
    record Linear(int constantEpochs) implements LearningRateSchedule {
        static final int HALF = -1;

        Linear {
            if (constantEpochs < HALF) {
                throw new IllegalArgumentException("the number of constant epochs must be 0 or more, got " + constantEpochs);
            }
        }

        /** @param n the constant epochs as a spec gives them, 0 or more */
        static Linear constantFor(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("the number of constant epochs must be 0 or more, got " + n);
            }
            return new Linear(n);
        }

        @Override
        public double factor(int epoch, int epochs) {
            requireEpoch(epoch, epochs);
            int n = constantEpochs == HALF ? epochs / 2 : constantEpochs;
            int decaying = epoch + 1 - n;
            // CycleGAN's lambda_rule; when N covers the whole run the rate simply stays.
            return decaying <= 0 ? 1 : 1 - decaying / (double) (epochs - n + 1);
        }

        @Override
        public String spec() {
            return constantEpochs == HALF ? LINEAR : LINEAR + ":" + constantEpochs;
        }
    }

    /**
     * @param every epochs between changes, 1 or more
     * @param gamma the factor applied at each change, positive and finite
     */
    record Step(int every, double gamma) implements LearningRateSchedule {
        Step {
            if (every < 1) {
                throw new IllegalArgumentException("the step length must be 1 epoch or more, got " + every);
            }
            if (!(gamma > 0 && Double.isFinite(gamma))) {
                throw new IllegalArgumentException("the step factor must be positive and finite, got " + gamma);
            }
        }

        @Override
        public double factor(int epoch, int epochs) {
            requireEpoch(epoch, epochs);
            return Math.pow(gamma, epoch / every);
        }

        @Override
        public String spec() {
            return STEP + ":" + every + "," + number(gamma);
        }
    }

    /** @param floor the factor the cosine falls to, in [0, 1] */
    record Cosine(double floor) implements LearningRateSchedule {
        Cosine {
            if (!(floor >= 0 && floor <= 1)) {
                throw new IllegalArgumentException("the cosine floor is a factor in [0, 1], got " + floor);
            }
        }

        @Override
        public double factor(int epoch, int epochs) {
            requireEpoch(epoch, epochs);
            return floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * epoch / epochs));
        }

        @Override
        public String spec() {
            return floor == 0 ? COSINE : COSINE + ":" + number(floor);
        }
    }
}
