package io.github.fijigan.core.noise;

import java.util.SplittableRandom;

import com.google.gson.JsonObject;

/**
 * Low-dose CT noise, simulated pixel by pixel in the image domain from photon counting statistics.
 * Each pixel's HU value becomes a linear attenuation coefficient {@code mu = muWater * (1 + HU /
 * 1000)}; a ray of {@code incidentPhotons * dose} photons crossing {@code pathLength} mm of it has
 * a mean detected count {@code lambda = incidentPhotons * dose * exp(-mu * pathLength)}; an exact
 * Poisson count N ({@link PoissonSampler}) is drawn and turned back into HU through the measured
 * attenuation {@code ln(incidentPhotons * dose / N) / pathLength}. A count of 0 (only likely when
 * lambda is below about 5) would mean infinite attenuation; it is read as 1.
 *
 * <p>To first order (the delta method) the noise is unbiased with variance {@code (1000 / (muWater
 * * pathLength))^2 / lambda} HU², so it grows as the dose falls (quarter dose: twice the standard
 * deviation) and is larger in dense tissue, which lets fewer photons through. This is an
 * image-domain approximation: real CT noise arises in the projections and is spread, correlated, by
 * the reconstruction; here it is white and depends on each pixel alone.
 *
 * <pre>{@code
 * // 1e5 photons at full dose, a quarter of it, water 0.0192/mm, 20 mm: about 20 HU in water
 * PoissonNoise quarter = new PoissonNoise(1e5, 0.25, PoissonNoise.MU_WATER, 20);
 * float[] lowDose = quarter.noisy(hu, new SplittableRandom(3));
 * double sd = quarter.standardDeviation(0);   // 19.96 HU
 * }</pre>
 *
 * @param incidentPhotons photons per ray at full dose (I0), positive
 * @param dose the fraction of the full dose, in (0, 1] (e.g. 0.25 for quarter dose)
 * @param muWater the linear attenuation of water in 1/mm, positive (0.0192/mm at about 70 keV)
 * @param pathLength the length of tissue each ray crosses, in mm, positive
 */
public record PoissonNoise(double incidentPhotons, double dose, double muWater, double pathLength) implements NoiseSimulator {

    /** The name in configs. */
    public static final String NAME = "poisson";
    /** The linear attenuation coefficient of water at about 70 keV (an effective CT energy), in 1/mm. */
    public static final double MU_WATER = 0.0192;

    public PoissonNoise {
        positive("incident photons (I0)", incidentPhotons);
        positive("muWater", muWater);
        positive("path length", pathLength);
        if (!(dose > 0 && dose <= 1)) {
            throw new IllegalArgumentException("Poisson noise: the dose fraction must be in (0, 1], got " + dose);
        }
    }

    private static void positive(String what, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("Poisson noise: " + what + " must be positive and finite, got " + value);
        }
    }

    /** @return the mean detected count of a ray through tissue of {@code hu} */
    public double countMean(double hu) {
        return incidentPhotons * dose * Math.exp(-muWater * (1 + hu / 1000) * pathLength);
    }

    /** @return the first-order standard deviation of the simulated noise at {@code hu}, in HU */
    public double standardDeviation(double hu) {
        return 1000 / (muWater * pathLength) / Math.sqrt(countMean(hu));
    }

    /** Draws one count per pixel, in index order. */
    @Override
    public void addTo(float[] values, int from, int length, SplittableRandom random) {
        double photons = incidentPhotons * dose;
        double huPerAttenuation = 1000 / (muWater * pathLength);
        for (int i = from; i < from + length; i++) {
            long n = Math.max(1, PoissonSampler.sample(random, countMean(values[i])));
            values[i] = (float) (huPerAttenuation * Math.log(photons / n) - 1000);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("name", NAME);
        json.addProperty("incident_photons", incidentPhotons);
        json.addProperty("dose", dose);
        json.addProperty("mu_water", muWater);
        json.addProperty("path_length", pathLength);
        return json;
    }
}
