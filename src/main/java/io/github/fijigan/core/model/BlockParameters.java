package io.github.fijigan.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * A DJL block's parameters as named arrays, like a PyTorch {@code state_dict}: each array is named
 * by the parameter's path in {@link Block#getParameters()} (e.g. {@code 02BatchNorm_runningMean}),
 * so saved parameters load by name and do not depend on how a block stores them. Running statistics
 * (BatchNorm) are parameters in DJL and travel with the rest.
 *
 * <pre>{@code
 * try (NDManager manager = NDManager.newBaseManager();
 *      NDList saved = BlockParameters.parametersOf(trained, manager)) {
 *     fresh.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 256, 256)); // shapes known
 *     BlockParameters.load(fresh, saved, "G_AB");
 * }
 * }</pre>
 */
public final class BlockParameters {

    private BlockParameters() {}

    /**
     * Copies a block's parameters into {@code manager}, named by path, in block order. The copies
     * are independent of the block, so closing them never touches the block.
     *
     * @param block an initialised block
     * @param manager owns the returned arrays; the caller closes the list or the manager
     * @throws IllegalStateException when a parameter is not initialised
     */
    public static NDList parametersOf(Block block, NDManager manager) {
        NDList list = new NDList();
        try {
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (!p.getValue().isInitialized()) {
                    throw new IllegalStateException("parameter '" + p.getKey() + "' is not initialised; initialise the block first");
                }
                NDArray array = p.getValue().getArray();
                // Through a buffer, not duplicate(): the copy must not join the autograd graph or the block's manager.
                NDArray copy = manager.create(array.toByteBuffer(), array.getShape(), array.getDataType());
                copy.setName(p.getKey());
                list.add(copy);
            }
            return list;
        } catch (RuntimeException e) {
            list.close();
            throw e;
        }
    }

    /** @return parameter path to shape, in block order, for a manifest's {@code parameter_shapes} */
    public static Map<String, Shape> shapesOf(NDList parameters) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (NDArray a : parameters) {
            shapes.put(a.getName(), a.getShape());
        }
        return shapes;
    }

    /**
     * Sets every parameter of {@code block} from the array of the same name, in place (the arrays
     * keep their manager, device and gradient flag). Everything is checked before anything is set,
     * so on failure the block is unchanged.
     *
     * @param block an initialised block (initialising is what gives DJL parameters their shapes)
     * @param parameters named arrays, e.g. from {@link ModelBundle#parameters(String)}
     * @param networkName for messages
     * @throws IllegalArgumentException naming the network and listing every missing, unexpected or
     *     mis-shaped parameter with the expected and found shape
     */
    public static void load(Block block, NDList parameters, String networkName) {
        Map<String, NDArray> byName = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (NDArray a : parameters) {
            String name = a.getName();
            if (name == null || name.isEmpty()) {
                problems.add("an array has no name");
            } else if (byName.put(name, a) != null) {
                problems.add("parameter '" + name + "' appears twice");
            }
        }
        List<Pair<Parameter, NDArray>> assignments = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            String name = p.getKey();
            NDArray source = byName.remove(name);
            if (!p.getValue().isInitialized()) {
                problems.add("block parameter '" + name + "' is not initialised; initialise the block first");
            } else if (source == null) {
                problems.add("missing parameter '" + name + "' (expected shape " + JsonFields.format(p.getValue().getArray().getShape()) + ")");
            } else {
                NDArray target = p.getValue().getArray();
                if (!target.getShape().equals(source.getShape())) {
                    problems.add("parameter '" + name + "' expects shape " + JsonFields.format(target.getShape()) + ", found "
                            + JsonFields.format(source.getShape()));
                } else if (target.getDataType() != source.getDataType()) {
                    problems.add("parameter '" + name + "' expects " + target.getDataType() + ", found " + source.getDataType());
                } else {
                    assignments.add(new Pair<>(p.getValue(), source));
                }
            }
        }
        byName.forEach((name, a) -> problems.add("unexpected parameter '" + name + "' " + JsonFields.format(a.getShape())
                + " (the block has no such parameter)"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("network " + networkName + ": " + String.join("; ", problems));
        }
        for (Pair<Parameter, NDArray> a : assignments) {
            a.getKey().getArray().set(a.getValue().toByteBuffer());
        }
    }
}
