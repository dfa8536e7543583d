package io.github.fijigan.core.optim;

import java.util.Locale;

/**
 * How the learning rate changes over a run: a factor on the base rate for each epoch.
 *
 * <p>By spec ({@link #parse}):
 * <ul>
 *   <li>{@code constant}: 1 throughout;
 *   <li>{@code linear}: CycleGAN's rule, constant for the first half of the epochs (rounded down),
 *       then falling linearly towards 0; {@code linear:N} keeps it constant for N epochs instead:
 *       {@code 1 - max(0, epoch + 1 - N) / (epochs - N + 1)};
 *   <li>{@code step:S,G}: multiplied by G every S epochs, {@code G^floor(epoch / S)};
 *   <li>{@code cosine}: {@code 0.5 (1 + cos(pi epoch / epochs))}; {@code cosine:MIN} falls to MIN
 *       instead of 0: {@code MIN + (1 - MIN) 0.5 (1 + cos(pi epoch / epochs))}.
 * </ul>
 *
 * <pre>{@code
 * LearningRateSchedule schedule = LearningRateSchedule.parse("linear:100");
 * for (int epoch = 0; epoch < 200; epoch++) {
 *     double lr = 2e-4 * schedule.factor(epoch, 200);   // 2e-4 for epochs 0..99, then down to 2e-6
 * }
 * }</pre>
 */
public interface LearningRateSchedule {

    /** The accepted forms, for messages and help texts. */
    String FORMS = "constant, linear, linear:N (constant for N epochs, then linear to 0), step:S,G (times G every S "
            + "epochs), cosine, cosine:MIN (cosine from 1 down to MIN)";

    /**
     * @param epoch the 0-based epoch, in [0, epochs)
     * @param epochs the number of epochs of the run, 1 or more
     * @return the multiplier of the base learning rate during that epoch
     * @throws IllegalArgumentException for an epoch outside the run
     */
    double factor(int epoch, int epochs);

    /** @return the spec {@link #parse} reads back into this schedule */
    String spec();

    /**
     * @param spec e.g. {@code linear}, {@code linear:100}, {@code step:30,0.1}, {@code cosine:0.01};
     *     case and blanks around it do not matter
     * @throws IllegalArgumentException quoting the spec and listing the {@link #FORMS}
     */
    static LearningRateSchedule parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        String[] args = colon < 0 ? new String[0] : s.substring(colon + 1).split(",", -1);
        try {
            switch (name) {
                case Schedules.CONSTANT:
                    if (args.length == 0) return new Schedules.Constant();
                    break;
                case Schedules.LINEAR:
                    if (args.length == 0) return new Schedules.Linear(Schedules.Linear.HALF);
                    if (args.length == 1) return Schedules.Linear.constantFor(Integer.parseInt(args[0].trim()));
                    break;
                case Schedules.STEP:
                    if (args.length == 2) {
                        return new Schedules.Step(Integer.parseInt(args[0].trim()), Double.parseDouble(args[1].trim()));
                    }
                    break;
                case Schedules.COSINE:
                    if (args.length == 0) return new Schedules.Cosine(0);
                    if (args.length == 1) return new Schedules.Cosine(Double.parseDouble(args[0].trim()));
                    break;
                default:
                    break;
            }
        } catch (IllegalArgumentException e) { // NumberFormatException too
            throw new IllegalArgumentException("learning-rate schedule '" + spec + "': " + e.getMessage()
                    + "; valid forms: " + FORMS, e);
        }
        throw new IllegalArgumentException("learning-rate schedule '" + spec + "' not understood; valid forms: " + FORMS);
    }
}
