"""The Presets menu: experiments from the lecture, each with a two-line explanation."""

from __future__ import annotations

from dataclasses import dataclass

from nnplay.core.config import Config
from nnplay.core.messages import QT_TRANSLATE_NOOP  # (Qt-free: the command line lists the keys without Qt)

CONTEXT = "Presets"


@dataclass(frozen=True)
class Preset:
    key: str
    title: str  # untranslated source text; show with translate()
    explanation: str
    config: Config  # its ``speed`` is the preset's pace: its lesson shows within about ten seconds of Play

    def tr_title(self):
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate(CONTEXT, self.title)

    def tr_explanation(self):
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate(CONTEXT, self.explanation)


DEEP = (16,) * 8

PRESETS = (
    Preset(
        "vanishing",
        QT_TRANSLATE_NOOP("Presets", "Vanishing gradients (deep sigmoid)"),
        QT_TRANSLATE_NOOP(
            "Presets",
            "Eight sigmoid layers. sigmoid'(x) ≤ 0.25, so every layer multiplies the gradient by at most 0.25:\n"
            "in the Gradients panel layer 1 (dark violet, at the bottom) gets about a million times less than the "
            "last layer (green, at the top) and barely learns.",
        ),
        Config(
            dataset="circles",
            hidden=DEEP,
            activation="sigmoid",
            init="xavier",
            learning_rate=0.5,
            batch_size=32,
            speed=50,
        ),
    ),
    Preset(
        "relu_he",
        QT_TRANSLATE_NOOP("Presets", "ReLU + He keeps the gradient alive"),
        QT_TRANSLATE_NOOP(
            "Presets",
            "The same eight layers with ReLU and He initialisation. ReLU'(x) = 1 where a unit is active,\n"
            "so the gradient reaches layer 1 undiminished: the lines in the Gradients panel stay together.",
        ),
        Config(
            dataset="circles", hidden=DEEP, activation="relu", init="he", learning_rate=0.05, batch_size=32, speed=20
        ),
    ),
    Preset(
        "step",
        QT_TRANSLATE_NOOP("Presets", "The step function cannot learn"),
        QT_TRANSLATE_NOOP(
            "Presets",
            "Hidden units use the step function, whose derivative is 0 everywhere.\n"
            "No gradient reaches the hidden layers (they sit on the 0 lane of the Gradients panel): only the last "
            "layer learns.",
        ),
        Config(dataset="circles", hidden=(8, 8), activation="step", learning_rate=0.1, speed=20),
    ),
    Preset(
        "linear",
        QT_TRANSLATE_NOOP("Presets", "Linear layers collapse (XOR with identity activations)"),
        QT_TRANSLATE_NOOP(
            "Presets",
            "Three layers with h(x) = x multiply out to one matrix, so the network is no deeper than one layer.\n"
            "Its decision boundary (the black line) stays straight and XOR is never solved.",
        ),
        Config(dataset="xor", hidden=(8, 8), activation="identity", learning_rate=0.1, speed=20),
    ),
    Preset(
        "lr_large",
        QT_TRANSLATE_NOOP("Presets", "Learning rate too large"),
        QT_TRANSLATE_NOOP(
            "Presets",
            "η = 3: each step jumps past the minimum to a worse point, and the loss grows until it is infinite.\n"
            "Training stops and says so; lower the learning rate and press Reset.",
        ),
        Config(
            dataset="circles",
            hidden=(8, 8),
            activation="tanh",
            output="identity",
            loss="sum_squared_error",
            learning_rate=3.0,
            speed=20,
        ),
    ),
    Preset(
        "digits",
        QT_TRANSLATE_NOOP("Presets", "Digits 8×8"),
        QT_TRANSLATE_NOOP(
            "Presets",
            "1,797 real handwritten digits, 8×8 pixels = 64 inputs, 10 classes (softmax + cross-entropy).\n"
            "Watch the sample predictions and the confusion matrix fill its diagonal.",
        ),
        Config(
            dataset="digits",
            samples=1797,
            noise=0.0,
            hidden=(64,),
            activation="relu",
            init="he",
            learning_rate=0.1,
            batch_size=32,
            speed=50,
        ),
    ),
    Preset(
        "book_ch4",
        QT_TRANSLATE_NOOP("Presets", "Book ch.4: TwoLayerNet on MNIST"),
        QT_TRANSLATE_NOOP(
            "Presets",
            "The book's two-layer net on MNIST (4.5): 784 → 50 sigmoid units → 10, softmax + cross-entropy, "
            "weights ~ 0.01·N(0, 1) (its weight_init_std), SGD with η = 0.1, batches of 100.\n"
            "The gradient is the numerical one, as in the lecture: the book's loop takes ~12 s a step (its code "
            "falls back to backprop), nnplay computes the same central differences in ~20 ms.\n"
            "The book reports train and test accuracy rising together to about 0.95 after 10,000 steps (≈17 "
            "epochs) — no overfitting.",
        ),
        Config(
            dataset="mnist",
            hidden=(50,),
            activation="sigmoid",
            output="softmax",
            loss="cross_entropy",
            init=0.01,
            optimizer="sgd",
            learning_rate=0.1,
            batch_size=100,
            gradient="numerical",
            speed=20,
        ),
    ),
    Preset(
        "book_ch5",
        QT_TRANSLATE_NOOP("Presets", "Book ch.5: the same with backprop and ReLU"),
        QT_TRANSLATE_NOOP(
            "Presets",
            "The same net with ReLU and the gradient by backpropagation (5.7). The book's gradient check finds "
            "backprop and the numerical gradient differing by 1e-10 to 1e-13,\n"
            "and after 10,000 steps it reports about 0.98 training and 0.97 test accuracy "
            "(nnplay: 0.979 and 0.971 with these settings).",
        ),
        Config(
            dataset="mnist",
            hidden=(50,),
            activation="relu",
            output="softmax",
            loss="cross_entropy",
            init=0.01,
            optimizer="sgd",
            learning_rate=0.1,
            batch_size=100,
            gradient="backprop",
            speed=50,
        ),
    ),
)

# -- issue #11: TF Playground's features and the book's chapter 6 remedies --------------------------------------

CHAPTER6 = (
    (
        "linear",  # (shown after this preset in the menu)
        Preset(
            "features",
            QT_TRANSLATE_NOOP("Presets", "Good features beat depth (circles, no hidden layer)"),
            QT_TRANSLATE_NOOP(
                "Presets",
                "No hidden layer at all, but the inputs are x₁² and x₂² instead of x₁ and x₂: the boundary "
                "w₁x₁² + w₂x₂² + b = 0 is an ellipse,\nso one layer solves the circles (about 96 % on the test set) "
                "where deep linear layers never could. The input units' pictures show the features.",
            ),
            Config(dataset="circles", hidden=(), features=("x1^2", "x2^2"), learning_rate=0.1, speed=20),
        ),
    ),
    (
        "relu_he",
        Preset(
            "batchnorm",
            QT_TRANSLATE_NOOP("Presets", "Batch normalization rescues the deep sigmoid net"),
            QT_TRANSLATE_NOOP(
                "Presets",
                "The vanishing-gradient preset with batch normalization between every Affine layer and its sigmoid "
                "(the book's ch. 6.3).\nEach unit's input is normalised over the mini-batch to mean 0 and "
                "variance 1, where sigmoid′ is largest: layer 1's gradient comes back from about 10⁻⁷ to about "
                "0.1 (as large as the last layer's) and the circles are learnt.",
            ),
            Config(
                dataset="circles",
                hidden=DEEP,
                activation="sigmoid",
                init="xavier",
                learning_rate=0.5,
                batch_size=32,
                speed=50,
                batch_norm=True,
            ),
        ),
    ),
    (
        None,  # (at the end)
        Preset(
            "overfitting",
            QT_TRANSLATE_NOOP("Presets", "Over-fitting and its cures (the book's ch. 6.4)"),
            QT_TRANSLATE_NOOP(
                "Presets",
                "The book's set-up: few training samples (270 noisy 8×8 digits; the book takes 300 of MNIST) and a "
                "deep, wide network (6 × 100 ReLU).\nTraining accuracy reaches 100 % while the test accuracy "
                "stops near 73 %: that gap is over-fitting. Set weight decay λ = 0.1 or dropout 0.2 and press "
                "Reset: the gap narrows (the network can no longer memorise the samples), though with so few "
                "samples the test accuracy does not rise.",
            ),
            Config(
                dataset="digits",
                samples=1797,
                noise=0.3,
                test_ratio=0.85,
                hidden=(100,) * 6,
                activation="relu",
                init="he",
                learning_rate=0.01,
                batch_size=100,
                speed=60,
            ),
        ),
    ),
)
"""(key of the preset each new one follows in the menu, or None for the end; the preset)."""


def _with(presets, additions):
    out = list(presets)
    for after, preset in additions:
        keys = [p.key for p in out]
        out.insert(keys.index(after) + 1 if after in keys else len(out), preset)
    return tuple(out)


PRESETS = _with(PRESETS, CHAPTER6)

PRESETS_BY_KEY = {p.key: p for p in PRESETS}
