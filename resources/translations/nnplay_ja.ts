<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ActivationPanel</name>
    <message>
        <source>Activation function and its derivative</source>
        <translation>活性化関数とその導関数</translation>
    </message>
    <message>
        <source>The activation function h(x) of the hidden layers (black) and its derivative h&apos;(x) (orange).
Backpropagation multiplies the gradient by h&apos;(x) at every layer: where h&apos; is small (grey zones: below {p} % of its maximum) almost nothing passes back. The sigmoid&apos;s h&apos; is at most 0.25, so each sigmoid layer shrinks the gradient at least 4×.</source>
        <translation>隠れ層の活性化関数 h(x)（黒）とその導関数 h&apos;(x)（オレンジ）。
誤差逆伝播法では各層で勾配に h&apos;(x) が掛けられます。h&apos; が小さいところ（灰色の領域：最大値の {p} % 未満）では、勾配はほとんど逆向きに伝わりません。シグモイド関数の h&apos; は最大でも 0.25 なので、シグモイド関数の層を1つ通るたびに勾配は 1/4 以下に縮みます。</translation>
    </message>
    <message>
        <source>h(x), h&apos;(x)</source>
        <translation>h(x), h&apos;(x)</translation>
    </message>
    <message>
        <source>What the lines are</source>
        <translation>線の意味</translation>
    </message>
    <message>
        <source>Black: the activation h(x); vermillion: its derivative h&apos;(x); dashed: the largest h&apos;(x)</source>
        <translation>黒：活性化関数 h(x)、朱色：その微分 h&apos;(x)、破線：h&apos;(x) の最大値</translation>
    </message>
    <message>
        <source>Pre-activation histogram of every hidden layer</source>
        <translation>各隠れ層の活性化前の値のヒストグラム</translation>
    </message>
    <message>
        <source>For each hidden layer (layer 1 at the top), the histogram of its pre-activations a = x·W + b on a fixed batch of training samples, on the same x axis as h(x) above (values beyond ±6 are piled up at the ends).
Mass in the grey zones means saturated units (sigmoid, tanh) or dead ones (ReLU): they pass almost no gradient back. The numbers at the right give that fraction per layer.</source>
        <translation>各隠れ層（上が第1層）について、固定した訓練データのバッチでの活性化前の値 a = x·W + b のヒストグラム。横軸は上の h(x) と同じです（±6 を超える値は両端にまとめて積み上げます）。
灰色の領域に分布が集まっていれば、ユニットが飽和している（シグモイド関数、tanh）か死んでいる（ReLU）ことを意味し、勾配をほとんど逆伝播しません。その割合を層ごとに右側の数字で示します。</translation>
    </message>
    <message>
        <source>pre-activation a = x·W + b</source>
        <translation>活性化前の値 a = x·W + b</translation>
    </message>
    <message>
        <source>hidden layer</source>
        <translation>隠れ層</translation>
    </message>
    <message>
        <source>activation input a = BN(x·W + b)</source>
        <translation>活性化関数への入力 a = BN(x·W + b)</translation>
    </message>
    <message>
        <source>max h′(x) = {v}</source>
        <translation>h′(x) の最大値 = {v}</translation>
    </message>
    <message>
        <source>(not used: no hidden layers)</source>
        <translation>（未使用：隠れ層がありません）</translation>
    </message>
    <message>
        <source>dead zone: h&apos;(x) = 0</source>
        <translation>h&apos;(x) = 0 の領域</translation>
    </message>
    <message>
        <source>h&apos;(x) = 1 everywhere: nothing saturates</source>
        <translation>h&apos;(x) はどこでも 1：飽和しません</translation>
    </message>
    <message>
        <source>h&apos;(x) = 0 everywhere: no gradient passes</source>
        <translation>h&apos;(x) は至る所で 0：勾配は伝わりません</translation>
    </message>
    <message>
        <source>grey: saturated, h&apos;(x) &lt; {p} % of its maximum</source>
        <translation>灰色：飽和（h&apos;(x) &lt; 最大値の {p} %）</translation>
    </message>
    <message>
        <source>h(x) = 1 if x &gt; 0, else 0</source>
        <translation>x &gt; 0 なら h(x) = 1、それ以外は 0</translation>
    </message>
    <message>
        <source>h(x) = 1 / (1 + e⁻ˣ)</source>
        <translation>h(x) = 1 / (1 + e⁻ˣ)</translation>
    </message>
    <message>
        <source>h(x) = tanh x</source>
        <translation>h(x) = tanh x</translation>
    </message>
    <message>
        <source>h(x) = max(0, x)</source>
        <translation>h(x) = max(0, x)</translation>
    </message>
    <message>
        <source>h(x) = x</source>
        <translation>h(x) = x</translation>
    </message>
    <message>
        <source>No hidden layers: the network is a single affine layer, so no activation function is used (and there are no pre-activations to show).</source>
        <translation>隠れ層がありません：ネットワークは1つの Affine 層だけなので、活性化関数は使われません（表示する活性化前の値もありません）。</translation>
    </message>
    <message>
        <source>layer {i}</source>
        <translation>第{i}層</translation>
    </message>
    <message>
        <source>{zone}. Histograms: pre-activations of each hidden layer on {n} training samples; at the right, the share of them in the grey zone.</source>
        <translation>{zone}。ヒストグラム：訓練データ {n} 個に対する各隠れ層の活性化前の値。右側の数字は灰色の領域に入る割合です。</translation>
    </message>
    <message>
        <source>{zone}. Histograms: pre-activations of each hidden layer on {n} training samples.</source>
        <translation>{zone}。ヒストグラム：訓練データ {n} 個に対する各隠れ層の活性化前の値。</translation>
    </message>
    <message>
        <source>{p} % saturated</source>
        <translation>{p} % 飽和</translation>
    </message>
    <message>
        <source>{p} % dead</source>
        <translation>{p} % 不活性</translation>
    </message>
    <message>
        <source>h&apos; = 0: no gradient</source>
        <translation>h&apos; = 0：勾配なし</translation>
    </message>
    <message>
        <source>std {s}</source>
        <translation>標準偏差 {s}</translation>
    </message>
</context>
<context>
    <name>ActivationsLab</name>
    <message>
        <source>step</source>
        <translation>ステップ関数</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>シグモイド関数</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等関数</translation>
    </message>
    <message>
        <source>Activations and depth</source>
        <translation>活性化関数と層の深さ</translation>
    </message>
    <message>
        <source>Activation h(x) and its derivative h′(x)</source>
        <translation>活性化関数 h(x) とその導関数 h′(x)</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>step: h = 1 if x &gt; 0 else 0, h′ = 0
sigmoid: h = 1 / (1 + exp(−x)), h′ = h(1 − h) ≤ 0.25
tanh: h′ = 1 − tanh²(x) ≤ 1
ReLU: h = max(0, x), h′ = 1 if x &gt; 0 else 0
identity: h = x, h′ = 1</source>
        <translation>ステップ関数：x &gt; 0 なら h = 1、それ以外は 0、h′ = 0
シグモイド関数：h = 1 / (1 + exp(−x))、h′ = h(1 − h) ≤ 0.25
tanh：h′ = 1 − tanh²(x) ≤ 1
ReLU：h = max(0, x)、x &gt; 0 なら h′ = 1、それ以外は 0
恒等関数：h = x、h′ = 1</translation>
    </message>
    <message>
        <source>Activation and derivative</source>
        <translation>活性化関数と導関数</translation>
    </message>
    <message>
        <source>h(x) solid, h′(x) dashed</source>
        <translation>h(x) 実線、h′(x) 破線</translation>
    </message>
    <message>
        <source>h(x), h′(x)</source>
        <translation>h(x), h′(x)</translation>
    </message>
    <message>
        <source>Through L layers: the best case of Π h′</source>
        <translation>L 層を通した Π h′ の最良の場合</translation>
    </message>
    <message>
        <source>layers L</source>
        <translation>層数 L</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深さ</translation>
    </message>
    <message>
        <source>Backpropagation multiplies one h′(a) per layer: at best (max h′)^L reaches layer 1</source>
        <translation>誤差逆伝播法では層ごとに h′(a) が1つずつ掛かるので、第1層に届くのは最大でも (max h′)^L</translation>
    </message>
    <message>
        <source>Chained derivative</source>
        <translation>連鎖した微分</translation>
    </message>
    <message>
        <source>(max h′)^L on a log scale: 0.25^L for sigmoid, 1 for tanh and ReLU</source>
        <translation>(max h′)^L（対数目盛）：シグモイド関数は 0.25^L、tanh と ReLU は 1</translation>
    </message>
    <message>
        <source>(max h′)^L</source>
        <translation>(max h′)^L</translation>
    </message>
    <message>
        <source>sigmoid: 0.25^L</source>
        <translation>シグモイド関数：0.25^L</translation>
    </message>
    <message>
        <source>tanh (x = 0), ReLU (x &gt; 0): 1</source>
        <translation>tanh (x = 0)、ReLU (x &gt; 0)：1</translation>
    </message>
    <message>
        <source>step: h′ = 0, so the product
is 0 at every depth (off the log scale)</source>
        <translation>ステップ関数：h′ = 0 なので積は
どの深さでも 0（対数目盛の外）</translation>
    </message>
    <message>
        <source>Chained derivative readout</source>
        <translation>連鎖した微分の値</translation>
    </message>
    <message>
        <source>(max h′)^L for the chosen activation</source>
        <translation>選んだ活性化関数の (max h′)^L</translation>
    </message>
    <message>
        <source>Weight initialisation (book ch. 6.2): 5 layers × 100 units, 1000 inputs x ~ N(0, 1)</source>
        <translation>重みの初期値（本書 6.2 節）：5層 × 100ユニット、入力 x ~ N(0, 1) を1000個</translation>
    </message>
    <message>
        <source>Weight scale</source>
        <translation>重みのスケール</translation>
    </message>
    <message>
        <source>Weights W ~ σ·N(0, 1): σ = 1, σ = 0.01, Xavier σ = √(1/n), He σ = √(2/n), n = 100 inputs</source>
        <translation>重み W ~ σ·N(0, 1)：σ = 1、σ = 0.01、Xavier σ = √(1/n)、He σ = √(2/n)、n = 100（入力数）</translation>
    </message>
    <message>
        <source>σ = 1</source>
        <translation>σ = 1</translation>
    </message>
    <message>
        <source>σ = 0.01</source>
        <translation>σ = 0.01</translation>
    </message>
    <message>
        <source>Xavier σ = √(1/n)</source>
        <translation>Xavier σ = √(1/n)</translation>
    </message>
    <message>
        <source>He σ = √(2/n)</source>
        <translation>He σ = √(2/n)</translation>
    </message>
    <message>
        <source>Activation of the experiment</source>
        <translation>実験で使う活性化関数</translation>
    </message>
    <message>
        <source>z = h(x·W) in every layer</source>
        <translation>各層で z = h(x·W)</translation>
    </message>
    <message>
        <source>batch normalization</source>
        <translation>Batch Normalization</translation>
    </message>
    <message>
        <source>Batch normalization in the experiment</source>
        <translation>実験での Batch Normalization</translation>
    </message>
    <message>
        <source>Normalise every layer&apos;s x·W over the 1000 samples to mean 0 and variance 1 before the activation (the book&apos;s ch. 6.3): the histograms keep their spread whatever the weights&apos; scale.</source>
        <translation>活性化関数の前に、各層の x·W を 1000 サンプルにわたって平均 0・分散 1 に正規化します（本書 6.3 節）。重みのスケールがどうであっても、ヒストグラムの広がりが保たれます。</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>重み</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>アクティベーション</translation>
    </message>
    <message>
        <source>What the histograms show</source>
        <translation>ヒストグラムの見方</translation>
    </message>
    <message>
        <source>Summary of the experiment</source>
        <translation>実験のまとめ</translation>
    </message>
    <message>
        <source>Layer {k} activations</source>
        <translation>第{k}層のアクティベーション</translation>
    </message>
    <message>
        <source>Histogram of the activations of layer {k} (30 bins)</source>
        <translation>第{k}層のアクティベーションのヒストグラム（30ビン）</translation>
    </message>
    <message>
        <source>count</source>
        <translation>度数</translation>
    </message>
    <message>
        <source>max h′ = {p:g}</source>
        <translation>max h′ = {p:g}</translation>
    </message>
    <message>
        <source>{n} layers</source>
        <translation>{n}層</translation>
    </message>
    <message>
        <source>1 layer</source>
        <translation>1層</translation>
    </message>
    <message>
        <source>{name}, {layers}: at best {power} ≈ {v} of the gradient reaches layer 1</source>
        <translation>{name}、{layers}：第1層に届く勾配は最大でも {power} ≈ {v} 倍</translation>
    </message>
    <message>
        <source>{name}, {layers}: h′ = 0, so {power} = 0: no gradient reaches layer 1</source>
        <translation>{name}、{layers}：h′ = 0 なので {power} = 0、第1層に勾配はまったく届きません</translation>
    </message>
    <message>
        <source>at x = 0</source>
        <translation>x = 0 で</translation>
    </message>
    <message>
        <source>where units are active, x &gt; 0</source>
        <translation>ユニットが活性な x &gt; 0 で</translation>
    </message>
    <message>
        <source>{name}, {layers}: at best {power} = 1 {where}: the whole gradient can reach layer 1</source>
        <translation>{name}、{layers}：最良の場合 {power} = 1 {where}、勾配がそのまま第1層まで届きます</translation>
    </message>
    <message>
        <source> (but identity layers stack into one linear map)</source>
        <translation>（ただし恒等関数の層は重ねても1つの線形写像になります）</translation>
    </message>
    <message>
        <source>layer {k} · std {s}</source>
        <translation>第{k}層 · 標準偏差 {s}</translation>
    </message>
    <message>
        <source>With batch normalization: </source>
        <translation>Batch Normalization あり：</translation>
    </message>
    <message>
        <source>{p:.0f} % of layer 5 sits near 0 or 1, where h′ ≈ 0: gradients vanish.</source>
        <translation>第5層の {p:.0f} % が 0 か 1 の近く（h′ ≈ 0）にあります：勾配消失が起こります。</translation>
    </message>
    <message>
        <source>Everything near 0.5: all 100 units say the same thing (no expressive power).</source>
        <translation>すべて 0.5 付近：100個のユニットが同じ値を出しています（表現力がありません）。</translation>
    </message>
    <message>
        <source>Spread over (0, 1) in every layer: the signal keeps its scale.</source>
        <translation>どの層でも (0, 1) に広がっています：信号のスケールが保たれます。</translation>
    </message>
    <message>
        <source>{p:.0f} % of layer 5 sits near ±1, where h′ ≈ 0: gradients vanish.</source>
        <translation>第5層の {p:.0f} % が ±1 の近く（h′ ≈ 0）にあります：勾配消失が起こります。</translation>
    </message>
    <message>
        <source> ({p:.0f} % are exactly 0, not drawn.)</source>
        <translation>（{p:.0f} % はちょうど 0 なので描いていません。）</translation>
    </message>
    <message>
        <source>std {a} → {b}</source>
        <translation>標準偏差 {a} → {b}</translation>
    </message>
    <message>
        <source>Layer 1 to 5: {spread}. The activations collapse toward 0.</source>
        <translation>第1層から第5層：{spread}。アクティベーションが 0 に潰れていきます。</translation>
    </message>
    <message>
        <source>Layer 1 to 5: {spread}. The spread shrinks layer by layer.</source>
        <translation>第1層から第5層：{spread}。層を重ねるごとに広がりが小さくなります。</translation>
    </message>
    <message>
        <source>Layer 1 to 5: {spread}. The activations explode.</source>
        <translation>第1層から第5層：{spread}。アクティベーションが爆発的に大きくなります。</translation>
    </message>
    <message>
        <source>Layer 1 to 5: {spread}. The spread grows layer by layer.</source>
        <translation>第1層から第5層：{spread}。層を重ねるごとに広がりが大きくなります。</translation>
    </message>
    <message>
        <source>Layer 1 to 5: {spread}. Every layer keeps about the same spread.</source>
        <translation>第1層から第5層：{spread}。どの層もほぼ同じ広がりを保っています。</translation>
    </message>
</context>
<context>
    <name>BoundaryPanel</name>
    <message>
        <source>What the picture shows</source>
        <translation>図の見方</translation>
    </message>
    <message>
        <source>Decision regions of the network</source>
        <translation>ネットワークの決定領域</translation>
    </message>
    <message>
        <source>Background: the class the network predicts at each point of a 100×100 grid, coloured by y = softmax(network(x)); the paler, the less sure (white: p = 1/K, undecided).
Filled circles: training points; white triangles: test points (never trained on). Colour = true class.</source>
        <translation>背景：100×100 の格子の各点でネットワークが予測するクラス。y = softmax(network(x)) で色を付け、薄いほど確信が低いことを表します（白：p = 1/K、決められない）。
塗りつぶした円：訓練データ、白い三角：テストデータ（学習には使いません）。色 = 正解クラス。</translation>
    </message>
    <message>
        <source>Decision boundary: where the two most likely classes are equally likely</source>
        <translation>決定境界：最も確からしい2つのクラスの確率が等しくなるところ</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>クラス</translation>
    </message>
    <message>
        <source>Each class has a colour and a shape; filled: training points, hollow: test points</source>
        <translation>クラスごとに色と形が違います。塗りつぶし：訓練データ、中抜き：テストデータ</translation>
    </message>
    <message>
        <source>Show the output</source>
        <translation>出力を表示</translation>
    </message>
    <message>
        <source>Back to the network&apos;s output</source>
        <translation>ネットワークの出力に戻る</translation>
    </message>
    <message>
        <source>Show the network&apos;s output again instead of the unit chosen in the Network panel</source>
        <translation>ネットワークパネルで選んだユニットの代わりに、ネットワークの出力をもう一度表示します</translation>
    </message>
    <message>
        <source>The fitted curve</source>
        <translation>当てはめた曲線</translation>
    </message>
    <message>
        <source>Regression with one input: the points are the data (filled: training, hollow: test), the black line is what the network outputs for every x. With more inputs: the network&apos;s prediction for each test point against its true value; on the dashed diagonal they agree.</source>
        <translation>入力が 1 つの回帰：点はデータ（塗りつぶし：訓練データ、白抜き：テストデータ）、黒い線は各 x に対するネットワークの出力です。入力が複数のとき：各テストデータについて、ネットワークの予測値と真の値を比べます。破線の対角線上なら一致しています。</translation>
    </message>
    <message>
        <source>Test images with the predicted digit</source>
        <translation>テスト画像と予測した数字</translation>
    </message>
    <message>
        <source>Confusion matrix on the test set</source>
        <translation>テストデータの混同行列</translation>
    </message>
    <message>
        <source>Row: the true class; column: the class the network predicts. Each cell counts test samples; its colour is the fraction of its row (the row&apos;s true class), so a perfect network has a dark diagonal and white everywhere else. Off-diagonal cells show which classes get confused.</source>
        <translation>行：正解クラス、列：ネットワークが予測したクラス。各セルはテストデータの個数で、色はその行（その正解クラス）に占める割合です。完璧なネットワークなら対角線が濃く、それ以外は白になります。対角線以外のセルは、どのクラスが取り違えられているかを示します。</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>予測クラス</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>正解クラス</translation>
    </message>
    <message>
        <source>class {name}</source>
        <translation>クラス {name}</translation>
    </message>
    <message>
        <source>filled: training, hollow {glyph}: test</source>
        <translation>塗りつぶし：訓練、中抜き {glyph}：テスト</translation>
    </message>
    <message>
        <source>Background: the predicted class, paler = less sure; black line: the decision boundary.</source>
        <translation>背景色：予測クラス（薄いほど不確か）、黒線：決定境界。</translation>
    </message>
    <message>
        <source>No test set.</source>
        <translation>テストデータなし。</translation>
    </message>
    <message>
        <source>value:</source>
        <translation>値：</translation>
    </message>
    <message>
        <source>Background: the network&apos;s output y at each point, on the same colour scale as the points&apos; true values t (blue low, white middle, orange high); where the colours agree, the fit is good.</source>
        <translation>背景：各点でのネットワークの出力 y。点の真の値 t と同じ色の尺度です（青：小さい、白：中間、オレンジ：大きい）。色が一致しているところはよく当てはまっています。</translation>
    </message>
    <message>
        <source>true value t</source>
        <translation>真の値 t</translation>
    </message>
    <message>
        <source>predicted y</source>
        <translation>予測値 y</translation>
    </message>
    <message>
        <source>No picture: the loss exploded at step {step},
so the network&apos;s outputs are not numbers.
Lower the learning rate to start over.</source>
        <translation>表示できません：ステップ {step} で損失が発散し、
ネットワークの出力が数値ではなくなりました。
学習率を下げてやり直してください。</translation>
    </message>
    <message>
        <source>test set</source>
        <translation>テストデータ</translation>
    </message>
    <message>
        <source>training set (no test set)</source>
        <translation>訓練データ（テストデータなし）</translation>
    </message>
    <message>
        <source>{which}: {n} samples, accuracy {a}&#xa0;%</source>
        <translation>{which}：{n} 個、正解率 {a}&#xa0;%</translation>
    </message>
    <message>
        <source>Left: {which} images with the predicted class (✗: wrong, the true class in brackets).</source>
        <translation>左：{which}の画像と予測したクラス（✗：不正解、括弧内は正解のクラス）。</translation>
    </message>
    <message>
        <source>Left: {which} images with the predicted digit (✗: wrong, the true digit in brackets).</source>
        <translation>左：{which}の画像と予測した数字（✗：不正解、括弧内は正解の数字）。</translation>
    </message>
    <message>
        <source>test</source>
        <translation>テストデータ</translation>
    </message>
    <message>
        <source>Some test images (8×8 pixels) with the digit the network predicts for each: ✓ in blue with a blue frame when it is right, ✗ in vermillion with the true digit in brackets when it is wrong.</source>
        <translation>いくつかのテスト画像（8×8 ピクセル）と、ネットワークが予測した数字。正しければ青の ✓ と青い枠、間違っていれば朱色の ✗ と括弧内に正解の数字を示します。</translation>
    </message>
    <message>
        <source>● training, ◉ test (dark ring)</source>
        <translation>● 訓練データ、◉ テストデータ（濃い輪）</translation>
    </message>
    <message>
        <source>training</source>
        <translation>訓練データ</translation>
    </message>
    <message>
        <source>the network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>y = t: a perfect fit</source>
        <translation>y = t：完全な当てはまり</translation>
    </message>
    <message>
        <source>Some test images ({h}×{w} pixels) with the class the network predicts for each: ✓ in blue with a blue frame when it is right, ✗ in vermillion with the true class in brackets when it is wrong.</source>
        <translation>いくつかのテスト画像（{h}×{w} ピクセル）と、ネットワークが予測したクラス。正しければ青の ✓ と青い枠、間違っていれば朱色の ✗ と括弧内に正解のクラスを示します。</translation>
    </message>
    <message>
        <source>Some test images ({h}×{w} pixels) with the digit the network predicts for each: ✓ in blue with a blue frame when it is right, ✗ in vermillion with the true digit in brackets when it is wrong.</source>
        <translation>いくつかのテスト画像（{h}×{w} ピクセル）と、ネットワークが予測した数字。正しければ青の ✓ と青い枠、間違っていれば朱色の ✗ と括弧内に正解の数字を示します。</translation>
    </message>
    <message>
        <source>{d} inputs per sample: no 2-D map to draw, so this shows what is confused with what.</source>
        <translation>1サンプルの入力が {d} 個あって2次元の図にできないため、どのクラスが何と取り違えられたかを示します。</translation>
    </message>
    <message>
        <source>{which}: R² {r2}, RMSE {rmse}</source>
        <translation>{which}：R² {r2}、RMSE {rmse}</translation>
    </message>
    <message>
        <source>Input {name}</source>
        <translation>入力 {name}</translation>
    </message>
    <message>
        <source>Output unit {k}</source>
        <translation>出力ユニット {k}</translation>
    </message>
    <message>
        <source>Unit {k} of hidden layer {layer}</source>
        <translation>隠れ層{layer} のユニット {k}</translation>
    </message>
    <message>
        <source>blue 0, white 0.5, orange 1</source>
        <translation>青 0、白 0.5、オレンジ 1</translation>
    </message>
    <message>
        <source>white 0, orange its largest value here</source>
        <translation>白 0、オレンジはこの範囲での最大値</translation>
    </message>
    <message>
        <source>white 0 to the class colour at probability 1</source>
        <translation>白 0 からクラスの色（確率 1）まで</translation>
    </message>
    <message>
        <source>the targets&apos; scale: blue low, orange high</source>
        <translation>目標値の尺度：青は小さく、オレンジは大きい</translation>
    </message>
    <message>
        <source>blue negative, white 0, orange positive (scaled to its largest |value|)</source>
        <translation>青は負、白は 0、オレンジは正（|値| の最大で規格化）</translation>
    </message>
    <message>
        <source>{name}: what it outputs at each point of the plane ({scale}). Click it again, or Show the output.</source>
        <translation>{name}：平面の各点での出力です（{scale}）。もう一度クリックするか「出力を表示」で戻ります。</translation>
    </message>
</context>
<context>
    <name>CompareLab</name>
    <message>
        <source>hidden layers</source>
        <translation>隠れ層</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>weight init</source>
        <translation>重みの初期値</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>学習率 η</translation>
    </message>
    <message>
        <source>output</source>
        <translation>出力関数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>勾配の計算法</translation>
    </message>
    <message>
        <source>batch normalization</source>
        <translation>Batch Normalization</translation>
    </message>
    <message>
        <source>weight decay λ</source>
        <translation>Weight decay λ</translation>
    </message>
    <message>
        <source>regularization</source>
        <translation>正則化</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>input features</source>
        <translation>入力の特徴量</translation>
    </message>
    <message>
        <source>sigmoid vs ReLU (6 hidden layers)</source>
        <translation>シグモイド関数 vs ReLU（隠れ層6層）</translation>
    </message>
    <message>
        <source>init std 0.01 vs Xavier (ReLU)</source>
        <translation>標準偏差 0.01 vs Xavier（ReLU）</translation>
    </message>
    <message>
        <source>With weights of std 0.01 every layer makes its signal 100 times smaller: the activations and the gradients all but vanish and A never leaves its starting loss. Xavier (std √(1/n)) keeps the signal alive and B learns.</source>
        <translation>重みの標準偏差が 0.01 だと、層を通るたびに信号が 1/100 になります。アクティベーションも勾配もほとんど消えてしまい、A の損失は最初の値から下がりません。Xavier の初期値（標準偏差 √(1/n)）なら信号が保たれ、B は学習します。</translation>
    </message>
    <message>
        <source>init std 0.01 vs He (ReLU)</source>
        <translation>標準偏差 0.01 vs He（ReLU）</translation>
    </message>
    <message>
        <source>The same with He initialisation (std √(2/n)), made for ReLU, which zeroes half of its inputs: B starts learning at once (the book&apos;s ch. 6.2 experiment).</source>
        <translation>同じ比較を He の初期値（標準偏差 √(2/n)）で行います。He の初期値は、入力の半分を 0 にする ReLU のためのもので、B はすぐに学習を始めます（本書 6.2 節の実験）。</translation>
    </message>
    <message>
        <source>Xavier vs He (ReLU)</source>
        <translation>Xavier vs He（ReLU）</translation>
    </message>
    <message>
        <source>Both learn; with ReLU, He&apos;s √2 larger weights make up for the half of the units that output 0, so B gets going sooner.</source>
        <translation>どちらも学習します。ReLU では He の √2 倍大きい重みが、0 を出力する半分のユニットを補うので、B の方が早く学習が進みます。</translation>
    </message>
    <message>
        <source>SGD vs Adam</source>
        <translation>SGD vs Adam</translation>
    </message>
    <message>
        <source>The book&apos;s rates: SGD with η = 0.01 against Adam with η = 0.001. Adam scales each weight&apos;s step by its own gradient history and gets down much sooner, though its η is ten times smaller.</source>
        <translation>本書の学習率：η = 0.01 の SGD と η = 0.001 の Adam。Adam は重みごとに過去の勾配に応じて更新幅を調整するので、η が10分の1でもずっと早く損失が下がります。</translation>
    </message>
    <message>
        <source>deep sigmoid without vs with batch normalization</source>
        <translation>深いシグモイド関数のネットワーク：Batch Normalization なし vs あり</translation>
    </message>
    <message>
        <source>The same six sigmoid layers; B normalises every unit&apos;s input over the mini-batch (the book&apos;s ch. 6.3). A&apos;s layer 1 gets almost no gradient; B&apos;s gets as much as its last layer, and B learns.</source>
        <translation>同じ 6 層のシグモイド関数。B は各ユニットの入力をミニバッチで正規化します（本書 6.3 節）。A の第 1 層にはほとんど勾配が届きませんが、B の第 1 層には最後の層と同じくらい届き、B は学習します。</translation>
    </message>
    <message>
        <source>the same configuration twice</source>
        <translation>同じ設定を2つ</translation>
    </message>
    <message>
        <source>A and B are identical, with the same seed and the same batches: training is deterministic, so the dashed curves lie exactly on the solid ones.</source>
        <translation>A と B は同一で、シードもバッチも同じです。学習は決定的なので、破線の曲線は実線とぴったり重なります。</translation>
    </message>
    <message>
        <source>on</source>
        <translation>オン</translation>
    </message>
    <message>
        <source>Compare two runs</source>
        <translation>2つの学習を比較</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>比較の例：</translation>
    </message>
    <message>
        <source>Starting pair</source>
        <translation>比較の例</translation>
    </message>
    <message>
        <source>Load a classic comparison from the lecture into A and B (both runs start over).</source>
        <translation>講義で扱う代表的な比較を A と B に読み込みます（どちらも最初からやり直します）。</translation>
    </message>
    <message>
        <source>(your own settings)</source>
        <translation>（自分で設定）</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Play or pause both runs</source>
        <translation>両方の学習を再生／一時停止</translation>
    </message>
    <message>
        <source>Train A and B together, one mini-batch each in turn, so both are always at the same step.</source>
        <translation>A と B を交互に1ミニバッチずつ一緒に学習させるので、両者は常に同じステップにあります。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>1ステップ</translation>
    </message>
    <message>
        <source>One step of both runs</source>
        <translation>両方の学習を1ステップ進める</translation>
    </message>
    <message>
        <source>One mini-batch update for A and one for B (the same mini-batch).</source>
        <translation>A と B をそれぞれミニバッチ1つ分更新します（同じミニバッチ）。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Reset both runs</source>
        <translation>両方の学習をリセット</translation>
    </message>
    <message>
        <source>Both runs start over from their initial weights (same seed: the same weights as before).</source>
        <translation>両方の学習を重みの初期値からやり直します（シードが同じなので前回と同じ重み）。</translation>
    </message>
    <message>
        <source>What differs between A and B:</source>
        <translation>A と B の違い：</translation>
    </message>
    <message>
        <source>Settings that differ between A and B</source>
        <translation>A と B で異なる設定</translation>
    </message>
    <message>
        <source>Only the settings that differ; data, seed and batch size are always the same for both.</source>
        <translation>異なる設定だけを表示します。データ、シード、バッチサイズは常に両者で共通です。</translation>
    </message>
    <message>
        <source>A (solid)</source>
        <translation>A（実線）</translation>
    </message>
    <message>
        <source>B (dashed)</source>
        <translation>B（破線）</translation>
    </message>
    <message>
        <source>Step and accuracy of both runs</source>
        <translation>両方の学習のステップと正解率</translation>
    </message>
    <message>
        <source>Both runs are always at the same step; accuracy (R² for values) is on the whole training set.</source>
        <translation>2 つの実行は常に同じステップにあります。正解率（値の場合は R²）は訓練データ全体で測ります。</translation>
    </message>
    <message>
        <source>Loss of A and B</source>
        <translation>A と B の損失</translation>
    </message>
    <message numerus="yes">
        <source>Loss (mean of the last %n mini-batches)</source>
        <translation>
            <numerusform>損失（直近 %n ミニバッチの平均）</numerusform>
        </translation>
    </message>
    <message>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Gradient norm per layer of A and B</source>
        <translation>A と B の層ごとの勾配のノルム</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ (log scale)</source>
        <translation>‖∂L/∂W‖（対数目盛）</translation>
    </message>
    <message>
        <source>Settings (an edit restarts both runs)</source>
        <translation>設定（変更すると両方とも最初から）</translation>
    </message>
    <message>
        <source>&lt;b&gt;A&lt;/b&gt; ━━ solid</source>
        <translation>&lt;b&gt;A&lt;/b&gt; ━━ 実線</translation>
    </message>
    <message>
        <source>&lt;b&gt;B&lt;/b&gt; ╍╍ dashed</source>
        <translation>&lt;b&gt;B&lt;/b&gt; ╍╍ 破線</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隠れ層</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>Weight init</source>
        <translation>重みの初期値</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学習率 η</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>Batch Norm</translation>
    </message>
    <message>
        <source>Weight decay λ</source>
        <translation>Weight decay λ</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>&lt;i&gt;The same for A and B, so both see the same batches:&lt;/i&gt;</source>
        <translation>&lt;i&gt;A と B で共通（同じバッチで学習）：&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Data set of both runs</source>
        <translation>両方の学習のデータセット</translation>
    </message>
    <message>
        <source>Both runs train on this one data set (made once, shared).</source>
        <translation>両方の学習がこの1つのデータセットで学習します（1度だけ生成して共有）。</translation>
    </message>
    <message>
        <source>Batch size of both runs</source>
        <translation>両方の学習のバッチサイズ</translation>
    </message>
    <message>
        <source>Samples per mini-batch. The same seed and batch size give both runs the same batches.</source>
        <translation>1ミニバッチあたりのサンプル数。シードとバッチサイズが同じなので、両方の学習に同じバッチが渡されます。</translation>
    </message>
    <message>
        <source>Seed of both runs</source>
        <translation>両方の学習のシード</translation>
    </message>
    <message>
        <source>Random seed of the data, the initial weights and the shuffling, shared by A and B.</source>
        <translation>データ、重みの初期値、シャッフルに使う乱数のシード。A と B で共通です。</translation>
    </message>
    <message>
        <source>Data set:</source>
        <translation>データセット：</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>バッチサイズ：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>シード：</translation>
    </message>
    <message>
        <source>of run %1</source>
        <translation>学習 %1 の</translation>
    </message>
    <message>
        <source>Hidden layers %1</source>
        <translation>%1隠れ層</translation>
    </message>
    <message>
        <source>Neurons per hidden layer, input side first, e.g. 16, 16, 16 (empty: none).</source>
        <translation>各隠れ層のニューロン数を入力側から順に（例：16, 16, 16、空欄：隠れ層なし）。</translation>
    </message>
    <message>
        <source>Batch normalization %1</source>
        <translation>Batch Normalization %1</translation>
    </message>
    <message>
        <source>Batch normalization between every hidden Affine layer and its activation (the book&apos;s).</source>
        <translation>隠れ層ごとに Affine 層と活性化関数の間に入れる Batch Normalization（本書のもの）。</translation>
    </message>
    <message>
        <source>Weight decay λ %1</source>
        <translation>Weight decay λ %1</translation>
    </message>
    <message>
        <source>Dropout ratio %1</source>
        <translation>Dropout の比率 %1</translation>
    </message>
    <message>
        <source>Weight decay: + ½λΣW² in the loss (0: off).</source>
        <translation>Weight decay：損失に + ½λΣW²（0：オフ）。</translation>
    </message>
    <message>
        <source>Dropout: the share of hidden units switched off in each training step (0: off).</source>
        <translation>Dropout：各学習ステップで消去する隠れユニットの割合（0：オフ）。</translation>
    </message>
    <message>
        <source>Learning rate %1</source>
        <translation>%1学習率</translation>
    </message>
    <message>
        <source>η in W ← W − η·∂L/∂W (SGD); Adam uses η as its step size.</source>
        <translation>W ← W − η·∂L/∂W（SGD）の η。Adam では η を更新幅として使います。</translation>
    </message>
    <message>
        <source>Activation %1</source>
        <translation>%1活性化関数</translation>
    </message>
    <message>
        <source>h in every hidden layer: sigmoid 1/(1+e^−x), tanh, ReLU max(0, x), step, identity x.</source>
        <translation>すべての隠れ層で使う h：シグモイド関数 1/(1+e^−x)、tanh、ReLU max(0, x)、ステップ関数、恒等関数 x。</translation>
    </message>
    <message>
        <source>Weight initialisation %1</source>
        <translation>%1重みの初期値</translation>
    </message>
    <message>
        <source>Std of the initial weights: Xavier √(1/n), He √(2/n) (n = inputs of the layer) or a fixed std.</source>
        <translation>重みの初期値の標準偏差：Xavier √(1/n)、He √(2/n)（n = その層の入力数）、または固定の標準偏差。</translation>
    </message>
    <message>
        <source>Optimizer %1</source>
        <translation>%1最適化手法</translation>
    </message>
    <message>
        <source>SGD: W ← W − η·g; Momentum; AdaGrad; Adam: steps scaled by each weight&apos;s gradient history.</source>
        <translation>SGD：W ← W − η·g、Momentum、AdaGrad、Adam：重みごとに過去の勾配に応じて更新幅を調整。</translation>
    </message>
    <message>
        <source>Cannot make the data set: %1</source>
        <translation>データセットを作成できません：%1</translation>
    </message>
    <message>
        <source>The numerical gradient of %1 parameters is too slow here; using backprop.</source>
        <translation>パラメータ %1 個の数値微分はここでは遅すぎるため、誤差逆伝播法を使います。</translation>
    </message>
    <message>
        <source>Your own settings: A solid, B dashed; data, seed and batches are the same for both.</source>
        <translation>自分で設定：A は実線、B は破線。データ、シード、バッチは両者で共通です。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run %1 diverged.&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;学習 %1 が発散しました。&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>Both runs are paused so that they stay at the same step. Lower the learning rate (this restarts both) or press Reset.</source>
        <translation>同じステップにそろえておくため、両方の学習を一時停止しました。学習率を下げる（両方とも最初からやり直します）か、リセットを押してください。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>hidden: use at most %1 hidden layers of at most %2 neurons here</source>
        <translation>隠れ層：ここでは最大 %1 層、各層最大 %2 ニューロンまでにしてください</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>適用しませんでした：%1</translation>
    </message>
    <message>
        <source>sigmoid&apos;(x) ≤ 0.25 shrinks the gradient at every layer: A&apos;s layer 1 (dark violet, lowest) gets about 10⁻⁵ of what its last layer gets, and A barely learns. ReLU + He (B, dashed) passes the gradient on: its curves stay together and its loss falls.</source>
        <translation>sigmoid&apos;(x) ≤ 0.25 のため各層で勾配が縮みます。A の第1層（濃い紫、いちばん下）に届く勾配は最後の層の約 10⁻⁵ 倍しかなく、A はほとんど学習しません。ReLU + He（B、破線）は勾配をそのまま伝えるので、曲線はまとまったままで損失が下がります。</translation>
    </message>
    <message numerus="yes">
        <source>Cross-entropy (or squared error) of the mini-batches, without the weight-decay term (so that runs with and without it compare), mean of the last %n steps. A solid, B dashed.</source>
        <translation>
            <numerusform>ミニバッチの交差エントロピー誤差（または2乗和誤差）の直近 %n ステップの平均。Weight decay の項は含みません（あるときとないときを比べられるように）。A は実線、B は破線。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>‖∂L/∂W‖ of every layer (log scale), mean of the last %n steps. Colour: layer 1 (dark violet, input side) to the last layer (yellow-green). A solid, B dashed.</source>
        <translation>
            <numerusform>各層の ‖∂L/∂W‖（対数目盛）の直近 %n ステップの平均。色：第1層（濃い紫、入力側）から最後の層（黄緑）まで。A は実線、B は破線。</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing: A and B are the same, so their curves coincide</source>
        <translation>なし：A と B は同じなので、曲線は重なります</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ of layer %1 (A solid, B dashed)</source>
        <translation>層 %1 の ‖∂L/∂W‖（A 実線、B 破線）</translation>
    </message>
    <message>
        <source>&lt;b&gt;step %1&lt;/b&gt; (epoch %2)</source>
        <translation>&lt;b&gt;ステップ %1&lt;/b&gt;（エポック %2）</translation>
    </message>
    <message>
        <source>%1: loss %2, training R² %3</source>
        <translation>%1：損失 %2、訓練データの R² %3</translation>
    </message>
    <message>
        <source>%1: loss %2, training accuracy %3 %</source>
        <translation>%1：損失 %2、訓練データの正解率 %3 %</translation>
    </message>
    <message>
        <source>%1: ‖∂L/∂W‖ is exactly 0 in layer %2 (no curve: 0 has no place on a log scale)</source>
        <translation>%1：第%2層の ‖∂L/∂W‖ がちょうど 0（対数目盛に 0 は描けないので曲線なし）</translation>
    </message>
    <message>
        <source>%1: ‖∂L/∂W‖ is exactly 0 in layers %2 (no curves: 0 has no place on a log scale)</source>
        <translation>%1：層 %2 の ‖∂L/∂W‖ がちょうど 0（対数目盛に 0 は描けないので曲線なし）</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 時間</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Which data to learn. Changing it starts training over.</source>
        <translation>学習するデータ。変更すると学習を最初からやり直します。</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>同心円</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>Two Gaussian blobs</source>
        <translation>2つのガウス分布</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>三日月</translation>
    </message>
    <message>
        <source>Spiral (3 classes)</source>
        <translation>渦巻き（3クラス）</translation>
    </message>
    <message>
        <source>Digits 8×8 (10 classes)</source>
        <translation>手書き数字 8×8（10クラス）</translation>
    </message>
    <message>
        <source>Plane (values to fit)</source>
        <translation>平面（当てはめる値）</translation>
    </message>
    <message>
        <source>Gaussian bumps (values to fit)</source>
        <translation>ガウス型の山（当てはめる値）</translation>
    </message>
    <message>
        <source>Sine y = sin x (values to fit)</source>
        <translation>正弦波 y = sin x（当てはめる値）</translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation>CSV ファイル…</translation>
    </message>
    <message>
        <source>MNIST 28×28 (10 digits)</source>
        <translation>MNIST 28×28（数字 10 種）</translation>
    </message>
    <message>
        <source>Fashion-MNIST 28×28 (10 kinds of clothing)</source>
        <translation>Fashion-MNIST 28×28（衣類 10 種）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選ぶ…</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>CSV ファイルを選ぶ</translation>
    </message>
    <message>
        <source>Train on your own data: choose a CSV file (numeric feature columns and a label column)</source>
        <translation>自分のデータで訓練します：CSV ファイルを選んでください(数値の特徴量の列とラベルの列)</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>フォルダ…</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>データフォルダ</translation>
    </message>
    <message>
        <source>The folder with the four IDX files (gzipped or not), e.g. the book&apos;s dataset/ folder; nnplay&apos;s own data folder unless you choose one</source>
        <translation>4 つの IDX ファイル（gzip 圧縮の有無は問いません）があるフォルダ。たとえば本書の dataset/ フォルダ。選ばなければ nnplay 自身のデータフォルダを使います</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>フォルダ</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>サンプル数</translation>
    </message>
    <message>
        <source>Number of samples before the train/test split</source>
        <translation>訓練データとテストデータに分ける前のサンプル数</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>ノイズ</translation>
    </message>
    <message>
        <source>Standard deviation of the Gaussian noise added to every point</source>
        <translation>各点に加えるガウスノイズの標準偏差</translation>
    </message>
    <message>
        <source>Test ratio</source>
        <translation>テストの割合</translation>
    </message>
    <message>
        <source>Fraction of the samples held out for testing (never trained on)</source>
        <translation>テスト用に取り分けるサンプルの割合（学習には使いません）</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>再生成</translation>
    </message>
    <message>
        <source>Regenerate data</source>
        <translation>データを再生成</translation>
    </message>
    <message>
        <source>Draw new data (and new starting weights) by moving to the next seed</source>
        <translation>次のシードに進めて、新しいデータ（と新しい重みの初期値）を生成します</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>Classification: one output per class (softmax). Regression: one output, the value itself (identity output, squared error), scored by R² and RMSE. Fixed by the built-in data sets; for a CSV file whose label column holds numbers, choose here.</source>
        <translation>分類：クラスごとに 1 つの出力（ソフトマックス関数）。回帰：値そのものを出す 1 つの出力（恒等関数、二乗和誤差）で、R² と RMSE で評価します。組み込みのデータセットでは決まっています。ラベル列が数値の CSV ファイルでは、ここで選んでください。</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>regression (values)</source>
        <translation>回帰（値）</translation>
    </message>
    <message>
        <source>Input features</source>
        <translation>入力の特徴量</translation>
    </message>
    <message>
        <source>What the network gets as inputs for 2-D data (as in TensorFlow Playground): x₁, x₂ themselves, their squares, their product, their sines. With x₁² and x₂² even a network without hidden layers draws a circle.</source>
        <translation>2 次元データのときにネットワークが入力として受け取るもの（TensorFlow Playground と同じ）：x₁、x₂ そのもの、その 2 乗、積、sin。x₁² と x₂² を使えば、隠れ層のないネットワークでも円を描けます。</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Against over-fitting</source>
        <translation>過学習への対策</translation>
    </message>
    <message>
        <source>Weight decay λ</source>
        <translation>Weight decay λ</translation>
    </message>
    <message>
        <source>Weight decay: the loss gets + ½λΣW² (L2, the book&apos;s; gradient + λW) or + λΣ|W| (L1; gradient + λ·sign W), which pulls the weights towards 0. Biases are not decayed. 0: off. Applies at once.</source>
        <translation>Weight decay（荷重減衰）：損失に + ½λΣW²（L2、本書のもの。勾配に + λW）または + λΣ|W|（L1。勾配に + λ·sign W）を加え、重みを 0 に引き寄せます。バイアスは減衰させません。0：オフ。すぐに適用されます。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正則化</translation>
    </message>
    <message>
        <source>L2: + ½λΣW² (the book&apos;s weight decay); L1: + λΣ|W| (drives small weights to exactly 0)</source>
        <translation>L2：+ ½λΣW²（本書の Weight decay）。L1：+ λΣ|W|（小さな重みをちょうど 0 にする）</translation>
    </message>
    <message>
        <source>Dropout ratio</source>
        <translation>Dropout の比率</translation>
    </message>
    <message>
        <source>Dropout (the book&apos;s): while training, each hidden unit is switched off with this probability, a new choice every mini-batch; for testing every unit stays on and its output is scaled by 1 − ratio. 0: off. Changing it starts over.</source>
        <translation>Dropout（本書のもの）：学習中、隠れ層の各ユニットをこの確率で消去し、ミニバッチごとに選び直します。テスト時はすべてのユニットを使い、出力に 1 − 比率 を掛けます。0：オフ。変更すると最初からやり直します。</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隠れ層</translation>
    </message>
    <message>
        <source>How many hidden layers (0 to 16)</source>
        <translation>隠れ層の数（0〜16）</translation>
    </message>
    <message>
        <source>Neurons per layer</source>
        <translation>1層あたりのニューロン数</translation>
    </message>
    <message>
        <source>Neurons in every hidden layer (edit the list below for different widths)</source>
        <translation>各隠れ層のニューロン数（層ごとに変えるときは下のリストを編集）</translation>
    </message>
    <message>
        <source>Hidden layer widths</source>
        <translation>隠れ層のニューロン数</translation>
    </message>
    <message>
        <source>Neurons in each hidden layer, input side first, e.g. 16, 8, 4 (empty: no hidden layer)</source>
        <translation>各隠れ層のニューロン数を入力側から順に（例：16, 8, 4、空欄：隠れ層なし）</translation>
    </message>
    <message>
        <source>Widths</source>
        <translation>各層の幅</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>h(x) between layers. step: 1 if x&gt;0 else 0 (h&apos;=0: cannot learn); sigmoid: 1/(1+e^−x) (h&apos; ≤ 0.25); tanh (h&apos; ≤ 1); ReLU: max(0, x) (h&apos; = 1 where active); identity: x (layers collapse into one)</source>
        <translation>層と層の間の h(x)。ステップ関数：x&gt;0 なら 1、それ以外は 0（h&apos;=0：学習できない）；シグモイド関数：1/(1+e^−x)（h&apos; ≤ 0.25）；tanh（h&apos; ≤ 1）；ReLU：max(0, x)（活性なら h&apos; = 1）；恒等関数：x（層が1つにつぶれる）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>ステップ関数</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>シグモイド関数</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等関数</translation>
    </message>
    <message>
        <source>Batch normalization</source>
        <translation>Batch Normalization</translation>
    </message>
    <message>
        <source>The book&apos;s batch normalization between every hidden Affine layer and its activation: each unit&apos;s x·W + b is normalised over the mini-batch to mean 0 and variance 1, then scaled by γ and shifted by β (learned). Keeps deep sigmoid networks learning. Changing it starts over.</source>
        <translation>隠れ層ごとに Affine 層と活性化関数の間に入れる、本書の Batch Normalization：各ユニットの x·W + b をミニバッチで平均 0・分散 1 に正規化し、γ 倍して β だけずらします（γ、β は学習）。深いシグモイド関数のネットワークも学習し続けられます。変更すると最初からやり直します。</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力関数</translation>
    </message>
    <message>
        <source>Output function: softmax y_k = e^{a_k} / Σ e^{a_j} (probabilities), or identity y = a</source>
        <translation>出力層の関数：ソフトマックス関数 y_k = e^{a_k} / Σ e^{a_j}（確率）、または恒等関数 y = a</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>ソフトマックス関数</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失関数</translation>
    </message>
    <message>
        <source>Cross-entropy E = −Σ t_k log(y_k + δ) (needs softmax), or sum of squared error E = ½ Σ (y_k − t_k)²</source>
        <translation>交差エントロピー誤差 E = −Σ t_k log(y_k + δ)（ソフトマックス関数が必要）、または2乗和誤差 E = ½ Σ (y_k − t_k)²</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交差エントロピー誤差</translation>
    </message>
    <message>
        <source>sum of squared error</source>
        <translation>2乗和誤差</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>重みの初期値</translation>
    </message>
    <message>
        <source>Initial weights ~ N(0, σ²): Xavier σ = √(1/n), He σ = √(2/n) (n = inputs), zero, or your own σ</source>
        <translation>重みの初期値 ~ N(0, σ²)：Xavier σ = √(1/n)、He σ = √(2/n)（n = 入力数）、ゼロ、または任意の σ</translation>
    </message>
    <message>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>ゼロ</translation>
    </message>
    <message>
        <source>std σ =</source>
        <translation>標準偏差 σ =</translation>
    </message>
    <message>
        <source>Initial std</source>
        <translation>初期値の標準偏差</translation>
    </message>
    <message>
        <source>σ of the initial weights</source>
        <translation>重みの初期値の σ</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>初期値</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <source>SGD: W ← W − η ∂L/∂W;  Momentum: v ← 0.9v − η ∂L/∂W, W ← W + v;  AdaGrad: η / √(Σ g²);  Adam. Changing it applies to the running training.</source>
        <translation>SGD：W ← W − η ∂L/∂W；Momentum：v ← 0.9v − η ∂L/∂W, W ← W + v；AdaGrad：η / √(Σ g²)；Adam。変更は実行中の学習にそのまま反映されます。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>η in W ← W − η ∂L/∂W (1e-5 … 10; arrows step 1, 2, 5, 10…; type e.g. 3e-4). Applies at once.</source>
        <translation>W ← W − η ∂L/∂W の η（1e-5 … 10、矢印で 1, 2, 5, 10… と変化、3e-4 のように入力も可）。すぐに反映されます。</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学習率 η</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>Samples per mini-batch: each step averages the gradient over this many. Applies at once.</source>
        <translation>1ミニバッチあたりのサンプル数：各ステップでこの数のサンプルの勾配を平均します。すぐに反映されます。</translation>
    </message>
    <message>
        <source>Gradient method</source>
        <translation>勾配の計算法</translation>
    </message>
    <message>
        <source>backprop: exact, one backward pass. numerical: (L(w+h) − L(w−h)) / 2h with h = 1e−4 for every weight — two forward passes per weight, very slow on big nets.</source>
        <translation>誤差逆伝播法：厳密で、逆伝播1回。数値微分：すべての重みについて h = 1e−4 で (L(w+h) − L(w−h)) / 2h — 重み1つにつき順伝播2回で、大きなネットワークではとても遅くなります。</translation>
    </message>
    <message>
        <source>backpropagation</source>
        <translation>誤差逆伝播法</translation>
    </message>
    <message>
        <source>numerical (slow)</source>
        <translation>数値微分（遅い）</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>勾配</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Random seed of the data, the initial weights and the batch order: same seed, same run</source>
        <translation>データ、重みの初期値、バッチの順序に使う乱数のシード：シードが同じなら同じ学習になります</translation>
    </message>
    <message>
        <source>nnplay&apos;s data folder</source>
        <translation>nnplay のデータフォルダ</translation>
    </message>
    <message>
        <source>%1 always uses its standard split: %2 training and %3 test images. Samples, noise and test ratio do not apply to it.</source>
        <translation>%1 は常に標準の分割（訓練画像 %2 枚、テスト画像 %3 枚）を使います。サンプル数・ノイズ・テストの割合は適用されません。</translation>
    </message>
    <message>
        <source>Cross-entropy takes log of probabilities: it needs the softmax output.</source>
        <translation>交差エントロピー誤差は確率の対数を取るので、出力にソフトマックス関数が必要です。</translation>
    </message>
    <message>
        <source>%1 → %2 weights and biases</source>
        <translation>%1 → 重みとバイアス %2&#xa0;個</translation>
    </message>
    <message>
        <source>Numerical gradient: %1 parameters, each nudged by ±h (the book&apos;s loop: %2 forward passes per step). About %3 per step here — too slow to watch; use a smaller network or backpropagation.</source>
        <translation>数値微分：%1 個のパラメータをそれぞれ ±h だけずらします（本のループでは1ステップに順伝播 %2 回）。ここでは1ステップ約 %3 — 遅すぎて観察できません。小さなネットワークか誤差逆伝播法を使ってください。</translation>
    </message>
    <message>
        <source>Numerical gradient: %1 parameters, each nudged by ±h (the book&apos;s loop: %2 forward passes per step; nnplay computes the same differences in about %3).</source>
        <translation>数値微分：%1 個のパラメータをそれぞれ ±h だけずらします（本のループでは1ステップに順伝播 %2 回。nnplay は同じ差分を約 %3 で計算します）。</translation>
    </message>
    <message>
        <source>Numerical gradient: %1 forward passes per step (backprop needs one).</source>
        <translation>数値微分：1ステップに順伝播 %1 回（誤差逆伝播法なら1回）。</translation>
    </message>
    <message>
        <source>Hidden layers: use at most %1 layers of 1 to %2 neurons, e.g. 8, 8</source>
        <translation>隠れ層：最大 %1 層、各層 1〜%2 ニューロンまでにしてください（例：8, 8）</translation>
    </message>
    <message>
        <source>Values to fit (regression): one output unit with the identity output and the squared error.</source>
        <translation>当てはめる値（回帰）：出力ユニットは 1 つ、出力関数は恒等関数、損失関数は二乗和誤差です。</translation>
    </message>
    <message>
        <source>Classes again: softmax output and cross-entropy.</source>
        <translation>クラスに戻りました：ソフトマックス関数と交差エントロピー誤差です。</translation>
    </message>
    <message>
        <source>Cross-entropy needs the probabilities of softmax, so the loss is now sum of squared error.</source>
        <translation>交差エントロピー誤差にはソフトマックス関数の確率が必要なので、損失関数を2乗和誤差に切り替えました。</translation>
    </message>
</context>
<context>
    <name>DownloadOffer</name>
    <message>
        <source>Download %1?</source>
        <translation>%1 をダウンロードしますか？</translation>
    </message>
    <message>
        <source>%1 was not found.</source>
        <translation>%1 が見つかりません。</translation>
    </message>
    <message>
        <source>Download its four files (about %1 MB) from %2 into
%3?

Each file is checked against its known SHA-256 checksum. If you already have the files (for MNIST, the book&apos;s dataset/ folder), choose “I have them…” and pick their folder.</source>
        <translation>4 つのファイル（約 %1 MB）を %2 から次のフォルダにダウンロードしますか？
%3

各ファイルは既知の SHA-256 チェックサムで検証します。ファイルをすでに持っている場合（MNIST なら本書の dataset/ フォルダ）は「持っています…」を選び、そのフォルダを指定してください。</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>I have them…</source>
        <translation>持っています…</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 をダウンロード中</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>%1 of %2 MB</source>
        <translation>%1 / %2 MB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>File %1 of %2: %3
%4</source>
        <translation>ファイル %1 / %2：%3
%4</translation>
    </message>
</context>
<context>
    <name>GradientCheckLab</name>
    <message>
        <source>Gradient check</source>
        <translation>勾配確認</translation>
    </message>
    <message>
        <source>&lt;b&gt;Is backpropagation right?&lt;/b&gt; Backprop gets every ∂L/∂w from one forward and one backward pass. The numerical gradient (L(w + h) − L(w − h)) / 2h, h = %1, needs two forward passes &lt;i&gt;per parameter&lt;/i&gt;. Both should agree to many digits; the timing shows why we use backprop.</source>
        <translation>&lt;b&gt;誤差逆伝播法は正しいか？&lt;/b&gt; 誤差逆伝播法は順伝播1回と逆伝播1回ですべての ∂L/∂w を求めます。数値微分 (L(w + h) − L(w − h)) / 2h（h = %1）は&lt;i&gt;パラメータ1つごとに&lt;/i&gt;順伝播が2回必要です。両者は何桁も一致するはずです。計算時間を比べると、誤差逆伝播法を使う理由がわかります。</translation>
    </message>
    <message>
        <source>Samples in the batch:</source>
        <translation>バッチのサンプル数：</translation>
    </message>
    <message>
        <source>Samples in the batch</source>
        <translation>バッチのサンプル数</translation>
    </message>
    <message>
        <source>How many training samples (the first ones) the loss L is computed on; the book uses 3.</source>
        <translation>損失 L を計算する訓練データの数（先頭から）。本書では3個です。</translation>
    </message>
    <message>
        <source>Entries per parameter:</source>
        <translation>パラメータごとの要素数：</translation>
    </message>
    <message>
        <source>Entries checked per parameter</source>
        <translation>パラメータごとに確認する要素数</translation>
    </message>
    <message>
        <source>How many entries of each parameter (W1, b1, …) get a numerical derivative. A random sample keeps big networks fast; the full numerical time is then estimated from the sample.</source>
        <translation>各パラメータ（W1, b1, …）のうち数値微分を計算する要素の数。ランダムに抜き出せば大きなネットワークでも速く済みます。その場合、数値微分全体の時間は抜き出した分から推定します。</translation>
    </message>
    <message>
        <source>all (can be slow)</source>
        <translation>すべて（遅いことがあります）</translation>
    </message>
    <message>
        <source>at most %1 (random sample)</source>
        <translation>最大 %1 個（ランダムに抽出）</translation>
    </message>
    <message>
        <source>Run gradient check</source>
        <translation>勾配確認を実行</translation>
    </message>
    <message>
        <source>Compute backprop and numerical gradients on a copy of the current network for the batch and compare them. Training is not disturbed.</source>
        <translation>現在のネットワークのコピーを使い、このバッチで誤差逆伝播法と数値微分の勾配を計算して比較します。学習には影響しません。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel gradient check</source>
        <translation>勾配確認をキャンセル</translation>
    </message>
    <message>
        <source>Stop the numerical gradient; the blocks finished so far stay in the table.</source>
        <translation>数値微分を中止します。それまでに終わったブロックは表に残ります。</translation>
    </message>
    <message>
        <source>Numerical gradient progress</source>
        <translation>数値微分の進み具合</translation>
    </message>
    <message>
        <source>Entries of the numerical gradient computed so far (two forward passes each).</source>
        <translation>これまでに数値微分を計算した要素の数（それぞれ順伝播2回）。</translation>
    </message>
    <message>
        <source>Press “Run gradient check”.</source>
        <translation>「勾配確認を実行」を押してください。</translation>
    </message>
    <message>
        <source>Timings of the two methods</source>
        <translation>2つの方法の計算時間</translation>
    </message>
    <message>
        <source>Time of one full gradient by each method. Numerical: 2 forward passes × every parameter; backprop: 1 forward + 1 backward pass for all parameters together.</source>
        <translation>それぞれの方法で勾配全体を1回求める時間。数値微分：順伝播2回 × 全パラメータ、誤差逆伝播法：全パラメータまとめて順伝播1回 + 逆伝播1回。</translation>
    </message>
    <message>
        <source>Gradient check per parameter</source>
        <translation>パラメータごとの勾配確認</translation>
    </message>
    <message>
        <source>One row per parameter block: how far backprop and the numerical gradient are apart.</source>
        <translation>パラメータのブロックごとに1行：誤差逆伝播法と数値微分の勾配がどれだけ離れているか。</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>パラメータ</translation>
    </message>
    <message>
        <source>The parameter block: Wi is layer i&apos;s weight matrix, bi its bias.</source>
        <translation>パラメータのブロック：Wi は第 i 層の重み行列、bi はそのバイアス。</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Rows × columns of the block (fan-in × fan-out for W).</source>
        <translation>ブロックの行数 × 列数（W では入力数 × 出力数）。</translation>
    </message>
    <message>
        <source>Entries
checked</source>
        <translation>確認した
要素数</translation>
    </message>
    <message>
        <source>How many entries got a numerical derivative.</source>
        <translation>数値微分を計算した要素の数。</translation>
    </message>
    <message>
        <source>max |backprop
− numerical|</source>
        <translation>max |逆伝播
− 数値微分|</translation>
    </message>
    <message>
        <source>The largest absolute difference over the checked entries.</source>
        <translation>確認した要素での差の絶対値の最大値。</translation>
    </message>
    <message>
        <source>Relative
error</source>
        <translation>相対
誤差</translation>
    </message>
    <message>
        <source>relative error = |a − b| / max(|a| + |b|, ε), a = backprop, b = numerical, |·| the length (Euclidean norm) of the whole block, ε = 1e-12.
Scale-free: below 1e-6 (green) the two agree; backprop with h = 1e-4 typically reaches 1e-9 … 1e-11.</source>
        <translation>相対誤差 = |a − b| / max(|a| + |b|, ε)、a = 誤差逆伝播法、b = 数値微分、|·| はブロック全体の長さ（ユークリッドノルム）、ε = 1e-12。
スケールによらない指標で、1e-6 未満（緑）なら両者は一致しています。h = 1e-4 なら誤差逆伝播法との差は通常 1e-9 … 1e-11 です。</translation>
    </message>
    <message>
        <source>largest
|∂L/∂w|</source>
        <translation>最大の
|∂L/∂w|</translation>
    </message>
    <message>
        <source>The size of the gradient itself, to compare the difference with.</source>
        <translation>差と比べるための、勾配そのものの大きさ。</translation>
    </message>
    <message>
        <source>Numerical against backprop gradient</source>
        <translation>数値微分と誤差逆伝播法の勾配の比較</translation>
    </message>
    <message>
        <source>Each dot is one checked entry: backprop on x, numerical on y. Agreement puts it on y = x.</source>
        <translation>各点が確認した要素1つ：横軸が誤差逆伝播法、縦軸が数値微分。一致していれば y = x の上に並びます。</translation>
    </message>
    <message>
        <source>every checked entry: numerical vs backprop</source>
        <translation>確認した全要素：数値微分 vs 誤差逆伝播法</translation>
    </message>
    <message>
        <source>backprop ∂L/∂w</source>
        <translation>誤差逆伝播法の ∂L/∂w</translation>
    </message>
    <message>
        <source>numerical ∂L/∂w</source>
        <translation>数値微分の ∂L/∂w</translation>
    </message>
    <message>
        <source>The training set is empty: there is nothing to compute a loss on.</source>
        <translation>訓練データが空なので、損失を計算できません。</translation>
    </message>
    <message>
        <source>Checked: network %1 (%2 activation) at training step %3, on %4 samples.</source>
        <translation>確認したもの：ネットワーク %1（活性化関数 %2）、学習ステップ %3、サンプル %4 個。</translation>
    </message>
    <message>
        <source>backprop: %1 — numerical gradient running (%2 forward passes)…</source>
        <translation>誤差逆伝播法：%1 — 数値微分を計算中（順伝播 %2 回）…</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 entries. backprop: %3</source>
        <translation>%2 要素中 %1 要素で中止しました。誤差逆伝播法：%3</translation>
    </message>
    <message>
        <source>%1: %p % — about %2 left</source>
        <translation>%1：%p % — 残り約 %2</translation>
    </message>
    <message>
        <source>sampled %1 of %2</source>
        <translation>%2 個中 %1 個を抽出</translation>
    </message>
    <message>
        <source>|a − b| / max(|a| + |b|, ε) = %1 / %2 = %3 (green below 1e-6)</source>
        <translation>|a − b| / max(|a| + |b|, ε) = %1 / %2 = %3（1e-6 未満なら緑）</translation>
    </message>
    <message>
        <source>numerical: ≈ %1 (estimated from %2 of %3 entries: %4 measured)</source>
        <translation>数値微分：≈ %1（%3 要素中 %2 要素の実測 %4 から推定）</translation>
    </message>
    <message>
        <source>numerical: %1</source>
        <translation>数値微分：%1</translation>
    </message>
    <message>
        <source>%1, backprop: %2 — backprop is %3× faster</source>
        <translation>%1、誤差逆伝播法：%2 — 誤差逆伝播法が %3 倍速い</translation>
    </message>
    <message>
        <source>done: %1 forward passes</source>
        <translation>完了：順伝播 %1 回</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;✓ Backprop agrees with the numerical gradient to about %2 digits for every parameter: the backward pass is correct.&lt;/span&gt; %3</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;✓ すべてのパラメータで、誤差逆伝播法と数値微分の勾配が約 %2 桁一致しました：逆伝播の実装は正しいです。&lt;/span&gt; %3</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;&lt;b&gt;%2 differs (relative error %3).&lt;/b&gt;&lt;/span&gt; %4 has a kink at x = 0: where a pre-activation x·W + b lies within h = %5 of 0, L(w + h) and L(w − h) sit on different sides of the kink, so the central difference measures a slope between the two one-sided derivatives while backprop uses one of them. That is not a bug in backprop; try another batch or seed. %6</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;&lt;b&gt;%2 が一致しません（相対誤差 %3）。&lt;/b&gt;&lt;/span&gt; %4は x = 0 で折れ曲がっています。活性化前の値 x·W + b が 0 から h = %5 以内にあると、L(w + h) と L(w − h) が折れ目の両側に分かれるので、中心差分は左右の片側微分の中間の傾きを測りますが、誤差逆伝播法はそのどちらか一方を使います。これは誤差逆伝播法のバグではありません。別のバッチやシードで試してください。%6</translation>
    </message>
    <message>
        <source>The step function</source>
        <translation>ステップ関数</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;&lt;b&gt;%2 differs (relative error %3)&lt;/b&gt;&lt;/span&gt; but its gradient is tiny (largest |∂L/∂w| = %4): the numerical gradient subtracts two nearly equal losses and loses most digits to rounding (vanishing gradients make it unreliable). %5</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;&lt;b&gt;%2 が一致しません（相対誤差 %3）&lt;/b&gt;&lt;/span&gt;が、その勾配はごく小さい値です（最大の |∂L/∂w| = %4）。数値微分はほぼ等しい2つの損失の差を取るため、丸め誤差で桁の大半が失われます（勾配消失が起きていると数値微分は当てになりません）。%5</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;&lt;b&gt;%2 differs (relative error %3).&lt;/b&gt;&lt;/span&gt; Either the loss is strongly curved on the scale h = %4 (e.g. saturated units), or the backward pass has a bug. %5</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;&lt;b&gt;%2 が一致しません（相対誤差 %3）。&lt;/b&gt;&lt;/span&gt; 損失が h = %4 のスケールで強く曲がっている（飽和したユニットなど）か、逆伝播の実装にバグがあります。%5</translation>
    </message>
    <message>
        <source>Main window&apos;s network: %1 (%2), %3 parameters at step %4 → the numerical gradient needs 2 × %3 = %5 forward passes, backprop needs 1 forward + 1 backward pass.</source>
        <translation>メインウィンドウのネットワーク：%1（%2）、ステップ %4 でパラメータ %3 個 → 数値微分には順伝播が 2 × %3 = %5 回必要、誤差逆伝播法は順伝播1回 + 逆伝播1回。</translation>
    </message>
</context>
<context>
    <name>GradientDescentLab</name>
    <message>
        <source>Gradient descent</source>
        <translation>勾配降下法</translation>
    </message>
    <message>
        <source>Lecture cases</source>
        <translation>講義の例</translation>
    </message>
    <message>
        <source>The lecture&apos;s three runs on f = x0² + x1² from (−3, 4), 100 steps: η = 0.1, 10 and 1e−10</source>
        <translation>講義で扱う f = x0² + x1² の3つの例（(−3, 4) から100ステップ）：η = 0.1、10、1e−10</translation>
    </message>
    <message>
        <source>Lecture case…</source>
        <translation>講義の例…</translation>
    </message>
    <message>
        <source>η = 0.1: reaches the minimum</source>
        <translation>η = 0.1：最小値に到達</translation>
    </message>
    <message>
        <source>η = 10: too large, flies off</source>
        <translation>η = 10：大きすぎて発散</translation>
    </message>
    <message>
        <source>η = 1e−10: too small, barely moves</source>
        <translation>η = 1e−10：小さすぎてほぼ動かない</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>関数</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>関数</translation>
    </message>
    <message>
        <source>The function f(x0, x1) to minimise</source>
        <translation>最小化する関数 f(x0, x1)</translation>
    </message>
    <message>
        <source>x0² + x1²</source>
        <translation>x0² + x1²</translation>
    </message>
    <message>
        <source>x²/20 + y² (optimizer comparison)</source>
        <translation>x²/20 + y²（最適化手法の比較）</translation>
    </message>
    <message>
        <source>Rosenbrock valley × 0.01</source>
        <translation>Rosenbrock 関数の谷 × 0.01</translation>
    </message>
    <message>
        <source>saddle x0² − x1²</source>
        <translation>鞍点 x0² − x1²</translation>
    </message>
    <message>
        <source>0.01·((1 − x)² + 100·(y − x²)²): minimum at (1, 1) at the end of a long curved valley</source>
        <translation>0.01·((1 − x)² + 100·(y − x²)²)：長く曲がった谷の先の (1, 1) が最小値</translation>
    </message>
    <message>
        <source>f</source>
        <translation>f</translation>
    </message>
    <message>
        <source>Gradient method</source>
        <translation>勾配の計算法</translation>
    </message>
    <message>
        <source>Numerical: central difference (f(x + h) − f(x − h)) / 2h with h = 1e−4, as in the lecture.
Exact: the derivative worked out by hand, e.g. ∇(x0² + x1²) = (2·x0, 2·x1).</source>
        <translation>数値微分：講義と同じく h = 1e−4 の中心差分 (f(x + h) − f(x − h)) / 2h。
解析的：手計算で求めた導関数。例：∇(x0² + x1²) = (2·x0, 2·x1)。</translation>
    </message>
    <message>
        <source>numerical (h = 1e−4)</source>
        <translation>数値微分（h = 1e−4）</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>解析的</translation>
    </message>
    <message>
        <source>∇f</source>
        <translation>∇f</translation>
    </message>
    <message>
        <source>Descent  x ← x − η·∇f(x)</source>
        <translation>勾配降下  x ← x − η·∇f(x)</translation>
    </message>
    <message>
        <source>Start x0</source>
        <translation>開始点 x0</translation>
    </message>
    <message>
        <source>Start x1</source>
        <translation>開始点 x1</translation>
    </message>
    <message>
        <source>start</source>
        <translation>開始点</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>Learning rate η in x ← x − η·∇f(x), from 1e−10 to 100; type e.g. 1e-10</source>
        <translation>x ← x − η·∇f(x) の学習率 η（1e−10〜100、1e-10 のように入力も可）</translation>
    </message>
    <message>
        <source>η</source>
        <translation>η</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>Number of updates x ← x − η·∇f(x)</source>
        <translation>更新 x ← x − η·∇f(x) の回数</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>すべて実行</translation>
    </message>
    <message>
        <source>Show the whole path</source>
        <translation>経路全体を表示</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>1ステップ</translation>
    </message>
    <message>
        <source>Show one more point: x ← x − η·∇f(x)</source>
        <translation>次の点を1つ表示：x ← x − η·∇f(x)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Play path</source>
        <translation>経路を再生</translation>
    </message>
    <message>
        <source>Animate the path point by point</source>
        <translation>経路を1点ずつアニメーション表示</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Fit the view</source>
        <translation>表示を合わせる</translation>
    </message>
    <message>
        <source>Show the start and the whole path (after zooming or panning with the mouse)</source>
        <translation>開始点と経路全体を表示します（マウスで拡大・移動した後に）</translation>
    </message>
    <message>
        <source>Compare optimizers (book fig. 6-8)</source>
        <translation>最適化手法を比較（本書 図6-8）</translation>
    </message>
    <message>
        <source>Compare optimizers</source>
        <translation>最適化手法を比較</translation>
    </message>
    <message>
        <source>SGD (η 0.95), Momentum (η 0.1, α 0.9), AdaGrad (η 1.5) and Adam (η 0.3) from the same start,
30 steps on x²/20 + y² from (−7, 2), as in the book.
SGD: x ← x − η·g   Momentum: v ← αv − η·g, x ← x + v
AdaGrad: h ← h + g², x ← x − η·g/√h   Adam: moving averages of g and g²</source>
        <translation>SGD（η 0.95）、Momentum（η 0.1, α 0.9）、AdaGrad（η 1.5）、Adam（η 0.3）を同じ開始点から、
本書と同じく x²/20 + y² の (−7, 2) から30ステップ動かします。
SGD: x ← x − η·g   Momentum: v ← αv − η·g, x ← x + v
AdaGrad: h ← h + g², x ← x − η·g/√h   Adam: g と g² の移動平均</translation>
    </message>
    <message>
        <source>Readout</source>
        <translation>現在の値</translation>
    </message>
    <message>
        <source>Current point, f and |∇f|</source>
        <translation>現在の点、f と |∇f|</translation>
    </message>
    <message>
        <source>Drag the ⊕ marker to move the start. Arrows: −∇f, the way downhill.</source>
        <translation>⊕ マーカーをドラッグすると開始点を動かせます。矢印：−∇f（下り坂の向き）。</translation>
    </message>
    <message>
        <source>Start point coordinate (or drag the ⊕ marker)</source>
        <translation>開始点の座標（⊕ マーカーのドラッグでも可）</translation>
    </message>
    <message>
        <source>Surface plot</source>
        <translation>関数のグラフ</translation>
    </message>
    <message>
        <source>Contours of f, arrows −∇f, the path of gradient descent</source>
        <translation>f の等高線、矢印 −∇f、勾配降下法の経路</translation>
    </message>
    <message>
        <source>Start point: drag me</source>
        <translation>開始点：ドラッグで移動</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>left the plot at step {step}</source>
        <translation>ステップ {step} でグラフの外へ</translation>
    </message>
    <message>
        <source>Step {k} of {n}, all four from ({x0}, {x1}):</source>
        <translation>ステップ {k} / {n}、4つとも ({x0}, {x1}) から：</translation>
    </message>
    <message>
        <source>numerical</source>
        <translation>数値微分</translation>
    </message>
    <message>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>The path left the plot at step {step}: learning rate too large. Each step overshoots the minimum, so f grows</source>
        <translation>経路はステップ {step} でグラフの外に出ました：学習率が大きすぎます。毎回最小値を通り越すので、f は増えていきます</translation>
    </message>
    <message>
        <source>(from {f0} to {f}).</source>
        <translation>（{f0} から {f} へ）。</translation>
    </message>
    <message>
        <source>(from {f0}) until the numbers overflowed float64 at step {bad}.</source>
        <translation>（{f0} から）。ステップ {bad} で数値が float64 の範囲を超えてオーバーフローしました。</translation>
    </message>
    <message>
        <source>The path left the plot at step {step} going downhill: f has no minimum that way.</source>
        <translation>経路は下り坂をたどってステップ {step} でグラフの外に出ました：その方向には f の最小値がありません。</translation>
    </message>
    <message>
        <source>The numerical gradient is 0 out there: at coordinates of about {x}, x ± h rounds back to x (h = 1e−4), so the path stopped moving, though the true |∇f| is {g}.</source>
        <translation>そこでは数値微分の勾配が 0 です：座標が {x} 程度だと x ± h が丸められて x に戻る（h = 1e−4）ため、本当の |∇f| は {g} なのに経路が止まりました。</translation>
    </message>
    <message>
        <source>Press Step, Play or Run all.</source>
        <translation>「1ステップ」「再生」「すべて実行」のどれかを押してください。</translation>
    </message>
    <message>
        <source>Reached the minimum ({m0:g}, {m1:g}).</source>
        <translation>最小値 ({m0:g}, {m1:g}) に到達しました。</translation>
    </message>
    <message>
        <source>The path barely moved: {d} in {k} steps. Learning rate too small.</source>
        <translation>経路はほとんど動いていません：{k} ステップで {d}。学習率が小さすぎます。</translation>
    </message>
    <message>
        <source>Moved {d} from the start.</source>
        <translation>開始点から {d} 移動しました。</translation>
    </message>
</context>
<context>
    <name>GradientPanel</name>
    <message>
        <source>Quantity plotted per layer</source>
        <translation>層ごとに表示する量</translation>
    </message>
    <message>
        <source>What to plot for each layer:
‖∂L/∂W‖: the size of the gradient of the loss with respect to the layer&apos;s weights
η‖∂L/∂W‖/‖W‖: how big one update is compared with the weights themselves (around 10⁻³ is often healthy; much smaller means the layer hardly changes)</source>
        <translation>各層について表示する量：
‖∂L/∂W‖：その層の重みに関する損失の勾配の大きさ
η‖∂L/∂W‖/‖W‖：1回の更新量が重みそのものと比べてどれだけ大きいか（10⁻³ 程度なら健全なことが多く、ずっと小さければその層はほとんど変化していません）</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>勾配</translation>
    </message>
    <message>
        <source>update ratio</source>
        <translation>更新比率</translation>
    </message>
    <message>
        <source>Gradient norm of every layer over training steps</source>
        <translation>学習ステップごとの各層の勾配のノルム</translation>
    </message>
    <message>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>10⁻³ rule of thumb</source>
        <translation>目安 10⁻³</translation>
    </message>
    <message>
        <source>Gradient norm of every layer at the current step</source>
        <translation>現在のステップでの各層の勾配のノルム</translation>
    </message>
    <message>
        <source>The current step&apos;s value for each layer as a bar on the same logarithmic axis as the curves (one bar per layer, input side on the left). Equal bars: every layer learns; a staircase falling to the left: the gradient vanishes before it reaches the first layers.</source>
        <translation>現在のステップでの各層の値を、曲線と同じ対数軸の棒で表示します（1層に1本、左が入力側）。棒の高さがそろっていればどの層も学習しています。左へ下がる階段状なら、勾配が最初の層に届く前に消失しています。</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>層</translation>
    </message>
    <message>
        <source>Layer colours</source>
        <translation>層の色</translation>
    </message>
    <message>
        <source>Gradient ratio between the first and the last layer</source>
        <translation>最初の層と最後の層の勾配の比</translation>
    </message>
    <message>
        <source>‖∂L/∂W1‖ / ‖∂L/∂W_L‖: how much of the last layer&apos;s gradient reaches the first layer (medians over the last {n} steps). Below 1/100 the gradient vanishes; near 1 it survives.</source>
        <translation>‖∂L/∂W1‖ / ‖∂L/∂W_L‖：最後の層の勾配のうちどれだけが最初の層に届くか（直近 {n} ステップの中央値）。1/100 未満なら勾配消失、1 に近ければ勾配は保たれています。</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>表示：</translation>
    </message>
    <message>
        <source>layer 1 (the only one)</source>
        <translation>第1層（唯一の層）</translation>
    </message>
    <message>
        <source>layer 1 (input side)</source>
        <translation>第1層（入力側）</translation>
    </message>
    <message>
        <source>layer {i} (output side)</source>
        <translation>第{i}層（出力側）</translation>
    </message>
    <message>
        <source>layer {i}</source>
        <translation>第{i}層</translation>
    </message>
    <message>
        <source>Take a step to see how much of the last layer&apos;s gradient reaches layer 1.</source>
        <translation>1ステップ進めると、最後の層の勾配のうちどれだけが第1層に届くかがわかります。</translation>
    </message>
    <message>
        <source>Only one weight layer: there is no depth for the gradient to vanish in.</source>
        <translation>重みの層が1つだけなので、勾配が消失するほどの深さがありません。</translation>
    </message>
    <message>
        <source>‖∂L/∂W&lt;sub&gt;1&lt;/sub&gt;‖ / ‖∂L/∂W&lt;sub&gt;{L}&lt;/sub&gt;‖</source>
        <translation>‖∂L/∂W&lt;sub&gt;1&lt;/sub&gt;‖ / ‖∂L/∂W&lt;sub&gt;{L}&lt;/sub&gt;‖</translation>
    </message>
    <message>
        <source>the last layer gets no gradient: the loss does not change with its weights.</source>
        <translation>最後の層に勾配がありません：その重みを変えても損失が変わりません。</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ = √(Σᵢⱼ (∂L/∂wᵢⱼ)²) of each layer&apos;s weight matrix at every mini-batch step, on a logarithmic axis: a line (the running mean) through a pale band (every mini-batch).
Dark violet: layer 1 next to the input; green: the last layer, next to the output.
Lines fanned out over several decades mean the gradient vanishes on its way back to the input.
A gradient that is exactly 0 is drawn on the lane marked 0 below the axis.</source>
        <translation>各層の重み行列の ‖∂L/∂W‖ = √(Σᵢⱼ (∂L/∂wᵢⱼ)²) を、ミニバッチのステップごとに対数軸で表示します：淡い帯（各ミニバッチの値）の中を通る線（移動平均）。
濃い紫：入力側の第1層、緑：出力側の最後の層。
線が何桁にもわたって広がっていれば、入力側へ戻る途中で勾配が消失しています。
ちょうど 0 の勾配は、軸の下の「0」の帯に描きます。</translation>
    </message>
    <message>
        <source>band</source>
        <translation>帯</translation>
    </message>
    <message>
        <source>Show the band of every mini-batch</source>
        <translation>各ミニバッチの帯を表示</translation>
    </message>
    <message>
        <source>The pale band runs from the smallest to the largest ‖∂L/∂W‖ of the mini-batches at each point; the line through it is their running mean on the log scale. Switch the band off to see only the lines.</source>
        <translation>淡い帯は各位置でのミニバッチの ‖∂L/∂W‖ の最小値から最大値までを示し、その中の線は対数での移動平均です。帯を消すと線だけが見えます。</translation>
    </message>
    <message>
        <source>Colour of each layer&apos;s line and bar: dark violet next to the input (layer 1), green next to the output; layer 1 is drawn on top</source>
        <translation>各層の線と棒の色：入力側（第1層）が濃い紫、出力側が緑。第1層がいちばん手前に描かれます</translation>
    </message>
    <message>
        <source>The loss exploded at step {step}: the gradients blew up with the weights (η = {rate} is too large), so their ratio says nothing about vanishing. Lower η to start over.</source>
        <translation>ステップ {step} で損失が発散しました：重みとともに勾配も爆発したため（η = {rate} は大きすぎます）、その比は勾配消失について何も表していません。η を下げてやり直してください。</translation>
    </message>
    <message>
        <source>layer {layers} gets exactly 0 (on the 0 lane): {why}</source>
        <translation>第{layers}層の勾配はちょうど 0 です（「0」の帯）：{why}</translation>
    </message>
    <message>
        <source>layers {layers} get exactly 0 (on the 0 lane): {why}</source>
        <translation>第{layers}層の勾配はちょうど 0 です（「0」の帯）：{why}</translation>
    </message>
    <message>
        <source>the step function&apos;s derivative is 0 everywhere, so nothing flows back through it</source>
        <translation>ステップ関数の微分は至る所で 0 なので、何も逆に伝わりません</translation>
    </message>
    <message>
        <source>the ReLU units above them are all inactive (dead), and ReLU&apos;s derivative is 0 there</source>
        <translation>その上の ReLU ユニットがすべて不活性（死んだ状態）で、そこでは ReLU の微分が 0 です</translation>
    </message>
    <message>
        <source>the units above them are saturated, where h′(x) rounds to 0</source>
        <translation>その上のユニットが飽和していて、h′(x) が丸めて 0 になっています</translation>
    </message>
    <message>
        <source>nothing reaches them, so they cannot learn</source>
        <translation>何も届かないので、学習できません</translation>
    </message>
    <message>
        <source>layer 1 gets {part} of the last layer&apos;s gradient</source>
        <translation>第1層に届く勾配は最後の層の {part}</translation>
    </message>
    <message>
        <source>layer 1 gets {part} the last layer&apos;s gradient</source>
        <translation>第1層に届く勾配は最後の層の {part}</translation>
    </message>
    <message>
        <source>vanishing</source>
        <translation>勾配消失</translation>
    </message>
    <message>
        <source>shrinking</source>
        <translation>減衰</translation>
    </message>
    <message>
        <source>the gradient survives</source>
        <translation>勾配は保たれています</translation>
    </message>
    <message>
        <source>growing</source>
        <translation>増大</translation>
    </message>
    <message>
        <source>exploding</source>
        <translation>勾配爆発</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ (log scale)</source>
        <translation>‖∂L/∂W‖（対数目盛）</translation>
    </message>
    <message>
        <source>η‖∂L/∂W‖ / ‖W‖ (log scale)</source>
        <translation>η‖∂L/∂W‖ / ‖W‖（対数目盛）</translation>
    </message>
</context>
<context>
    <name>HelpBrowser</name>
    <message>
        <source>en</source>
        <comment>the folder of the help pages in this language: ja for Japanese (resources/help/ja)</comment>
        <translation>ja</translation>
    </message>
    <message>
        <source>nnplay help</source>
        <translation>nnplay ヘルプ</translation>
    </message>
    <message>
        <source>Help page</source>
        <translation>ヘルプのページ</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>All help pages</source>
        <translation>ヘルプの一覧</translation>
    </message>
    <message>
        <source>Lecture guide</source>
        <translation>講義ガイド</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>LinearCollapseLab</name>
    <message>
        <source>the default example (XOR, identity activations)</source>
        <translation>既定の例（XOR、活性化関数は恒等関数）</translation>
    </message>
    <message>
        <source>Linear collapse</source>
        <translation>線形層の合成</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why a network needs a non-linear activation.&lt;/b&gt; With h(x) = x every layer computes x·W&lt;sub&gt;i&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt;, and an affine map of an affine map is affine: the whole stack equals &lt;i&gt;one&lt;/i&gt; matrix W = W1·W2·…·WL and one bias b = ((b1·W2 + b2)·W3 + …). Depth adds nothing, and the decision boundary stays a straight line.</source>
        <translation>&lt;b&gt;ネットワークに非線形の活性化関数が必要な理由。&lt;/b&gt; h(x) = x だと各層は x·W&lt;sub&gt;i&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt; を計算するだけで、アフィン写像のアフィン写像はやはりアフィン写像です。積み重ねた層全体は&lt;i&gt;1つの&lt;/i&gt;行列 W = W1·W2·…·WL と1つのバイアス b = ((b1·W2 + b2)·W3 + …) に等しくなります。層を深くしても何も加わらず、決定境界は直線のままです。</translation>
    </message>
    <message>
        <source>Use the main window&apos;s network</source>
        <translation>メインウィンドウのネットワークを使う</translation>
    </message>
    <message>
        <source>Copy the main window&apos;s network into this lab: its weights if it already uses h(x) = x, otherwise the same layers with h(x) = x (identity) instead of its activation, freshly initialised. The main window&apos;s training is not touched.</source>
        <translation>メインウィンドウのネットワークをこのラボにコピーします。すでに h(x) = x を使っていれば重みごと、そうでなければ同じ層構成で活性化関数を h(x) = x（恒等関数）に置き換え、重みを初期化し直します。メインウィンドウの学習には影響しません。</translation>
    </message>
    <message>
        <source>Train the linear network</source>
        <translation>線形ネットワークを学習</translation>
    </message>
    <message numerus="yes">
        <source>Train this lab&apos;s copy for %n more steps (a little per timer tick) and watch the boundary: it turns, it moves, it never bends.</source>
        <translation>
            <numerusform>このラボのコピーをさらに %n ステップ学習させ（タイマーごとに少しずつ）、境界を観察します：回転も移動もしますが、決して曲がりません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Reset the linear network</source>
        <translation>線形ネットワークをリセット</translation>
    </message>
    <message>
        <source>New initial weights (same seed), step 0.</source>
        <translation>重みを初期化し直し（同じシード）、ステップ 0 に戻します。</translation>
    </message>
    <message>
        <source>Shapes of the stack</source>
        <translation>各層の形状</translation>
    </message>
    <message>
        <source>The weight matrices of the stack multiply out to one matrix W: (D×H1)·(H1×H2)·…·(HL×K) = D×K.</source>
        <translation>積み重ねた重み行列を掛け合わせると1つの行列 W になります：(D×H1)·(H1×H2)·…·(HL×K) = D×K。</translation>
    </message>
    <message>
        <source>The collapsed model: scores = x·W + b (one row per input, the last row is b).</source>
        <translation>1層にまとめたモデル：スコア = x·W + b（入力ごとに1行、最後の行が b）。</translation>
    </message>
    <message>
        <source>Collapsed matrix W and bias b</source>
        <translation>まとめた行列 W とバイアス b</translation>
    </message>
    <message>
        <source>W = W1·W2·…·WL (rows: inputs, columns: classes) and, in the last row, b = ((b1·W2 + b2)·W3 + …) + bL. Red: positive, blue: negative.</source>
        <translation>W = W1·W2·…·WL（行：入力、列：クラス）、最後の行は b = ((b1·W2 + b2)·W3 + …) + bL。赤：正、青：負。</translation>
    </message>
    <message>
        <source>The stack written out</source>
        <translation>式で書き下す</translation>
    </message>
    <message>
        <source>Multiplying out the brackets turns the stack into x·W + b.</source>
        <translation>括弧を展開すると、積み重ねた層は x·W + b になります。</translation>
    </message>
    <message>
        <source>Proof in numbers</source>
        <translation>数値による証明</translation>
    </message>
    <message>
        <source>The stack&apos;s outputs and softmax(x·W + b) on every sample of the data set; the largest difference is rounding error (about 1e-16), so they are the same function.</source>
        <translation>データセットの全サンプルでの、積み重ねた層の出力と softmax(x·W + b)。最大の差は丸め誤差（約 1e-16）程度なので、両者は同じ関数です。</translation>
    </message>
    <message>
        <source>Decision boundary of the linear network</source>
        <translation>線形ネットワークの決定境界</translation>
    </message>
    <message>
        <source>Shaded: the class the stack predicts at each point. Black line: where the two class scores of x·W + b are equal, (W[:,0] − W[:,1])·x + (b0 − b1) = 0. They coincide: one straight line.</source>
        <translation>塗り分け：各点で積み重ねた層が予測するクラス。黒線：x·W + b の2つのクラスのスコアが等しいところ、(W[:,0] − W[:,1])·x + (b0 − b1) = 0。両者は一致し、1本の直線になります。</translation>
    </message>
    <message>
        <source>x·W + b: both scores equal</source>
        <translation>x·W + b：2つのスコアが等しい</translation>
    </message>
    <message numerus="yes">
        <source>the same line earlier (every %n steps)</source>
        <translation>
            <numerusform>以前の同じ直線（%n ステップごと）</numerusform>
        </translation>
    </message>
    <message>
        <source>shading: what the stack predicts · line: the collapsed x·W + b</source>
        <translation>塗り分け：積み重ねた層の予測 · 線：まとめた x·W + b</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>訓練データの正解率</translation>
    </message>
    <message>
        <source>Accuracy of the linear network on the training set.</source>
        <translation>訓練データでの線形ネットワークの正解率。</translation>
    </message>
    <message>
        <source>a copy of the main window&apos;s network at step %1</source>
        <translation>ステップ %1 でのメインウィンドウのネットワークのコピー</translation>
    </message>
    <message>
        <source>the main window&apos;s layers with h(x) = x instead of %1, new weights</source>
        <translation>メインウィンドウと同じ層構成で %1 の代わりに h(x) = x を使い、重みを新しくしたもの</translation>
    </message>
    <message>
        <source>a new network</source>
        <translation>新しいネットワーク</translation>
    </message>
    <message>
        <source>Stop (%1 steps to go)</source>
        <translation>停止（残り %1 ステップ）</translation>
    </message>
    <message numerus="yes">
        <source>Train %n steps</source>
        <translation>
            <numerusform>%n ステップ学習</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing %1.</source>
        <translation>表示中：%1。</translation>
    </message>
    <message>
        <source>The main window&apos;s network uses %1, which is not linear: it does not collapse.</source>
        <translation>メインウィンドウのネットワークは線形でない %1 を使っているので、1層にはまとまりません。</translation>
    </message>
    <message>
        <source>Make a linear copy of the main window&apos;s network</source>
        <translation>メインウィンドウのネットワークの線形版を作る</translation>
    </message>
    <message>
        <source>Copy the main window&apos;s network</source>
        <translation>メインウィンドウのネットワークをコピー</translation>
    </message>
    <message>
        <source>&lt;b&gt;Proof in numbers&lt;/b&gt;: running the stack on %1 samples…</source>
        <translation>&lt;b&gt;数値による証明&lt;/b&gt;：%1 サンプルで積み重ねた層を計算しています…</translation>
    </message>
    <message>
        <source>Step %1: measuring the training accuracy…</source>
        <translation>ステップ %1：訓練データの正解率を測っています…</translation>
    </message>
    <message>
        <source>the identity output</source>
        <translation>恒等関数の出力</translation>
    </message>
    <message>
        <source>on all %1 samples</source>
        <translation>全 %1 サンプル</translation>
    </message>
    <message>
        <source>on %1 of the %2 samples (a fixed random subset)</source>
        <translation>%2 サンプルのうち %1 サンプル(固定した無作為な部分集合)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Proof in numbers&lt;/b&gt; %1: max |stack scores − (x·W + b)| = &lt;b style=&apos;color:%2&apos;&gt;%3&lt;/b&gt;; after %4: max |difference| = &lt;b style=&apos;color:%2&apos;&gt;%5&lt;/b&gt; — rounding error only: the stack &lt;i&gt;is&lt;/i&gt; one affine map.</source>
        <translation>%1での&lt;b&gt;数値による証明&lt;/b&gt;：max |積み重ねた層のスコア − (x·W + b)| = &lt;b style=&apos;color:%2&apos;&gt;%3&lt;/b&gt;、%4 の後：max |差| = &lt;b style=&apos;color:%2&apos;&gt;%5&lt;/b&gt; — 丸め誤差だけです：積み重ねた層は&lt;i&gt;まさに&lt;/i&gt;1つのアフィン写像です。</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;line-height:140%&apos;&gt;stack: scores = %1&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;= x·&lt;b&gt;(%2)&lt;/b&gt; + &lt;b&gt;(%3)&lt;/b&gt;&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;= x·&lt;b&gt;W&lt;/b&gt; + &lt;b&gt;b&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;line-height:140%&apos;&gt;層全体：スコア = %1&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;= x·&lt;b&gt;(%2)&lt;/b&gt; + &lt;b&gt;(%3)&lt;/b&gt;&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;= x·&lt;b&gt;W&lt;/b&gt; + &lt;b&gt;b&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 = one %2×%3 matrix W  (+ a bias b of %3)</source>
        <translation>%1 = 1つの %2×%3 行列 W（+ 要素数 %3 のバイアス b）</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>クラス %1</translation>
    </message>
    <message>
        <source>The data has %1 inputs: no 2-D picture.
The proof in numbers holds all the same.</source>
        <translation>データの入力が %1 個あるため、2次元の図は描けません。
それでも数値による証明は成り立ちます。</translation>
    </message>
    <message>
        <source>Step %1: training accuracy %2 %.</source>
        <translation>ステップ %1：訓練データの正解率 %2 %。</translation>
    </message>
    <message>
        <source>(Measured on %1 of the %2 training samples.)</source>
        <translation>(訓練データ %2 サンプルのうち %1 サンプルで測定。)</translation>
    </message>
    <message>
        <source>XOR puts opposite corners in the same class: no straight line separates them, so a linear model gets at most 3 of the 4 clusters right (≤ 75 %) — however long it trains, however many layers.</source>
        <translation>XOR では対角の位置にある点が同じクラスなので、1本の直線では分けられません。線形モデルが正しく分類できるのは4つのかたまりのうち最大3つ（≤ 75 %）です — どれだけ長く学習しても、何層重ねても変わりません。</translation>
    </message>
    <message>
        <source>Whatever the training does, the boundary can only turn and shift, never bend.</source>
        <translation>学習がどう進んでも、境界は回転と平行移動をするだけで、決して曲がりません。</translation>
    </message>
</context>
<context>
    <name>LossPanel</name>
    <message>
        <source>Latest loss and accuracy</source>
        <translation>最新の損失と正解率</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>対数目盛</translation>
    </message>
    <message>
        <source>Logarithmic loss axis</source>
        <translation>損失の軸を対数目盛に</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis: equal distances mean equal factors, so the slow end of training (0.1 → 0.01) stays visible.</source>
        <translation>損失を対数軸で表示します。同じ距離が同じ倍率を表すので、学習終盤のゆっくりした変化（0.1 → 0.01）も見えます。</translation>
    </message>
    <message>
        <source>Loss over training steps</source>
        <translation>学習ステップごとの損失</translation>
    </message>
    <message>
        <source>Loss L over the training steps.
Thin line: loss of each mini-batch (noisy).
Thick lines: loss on the whole training set and on the held-out test set, at every evaluation.
Cross-entropy L = −(1/N) Σₙ Σₖ tₙₖ log yₙₖ; test above train means over-fitting.</source>
        <translation>学習ステップごとの損失 L。
細い線：各ミニバッチの損失（ばらつきが大きい）。
太い線：評価のたびに求めた、訓練データ全体と取り分けておいたテストデータでの損失。
交差エントロピー誤差 L = −(1/N) Σₙ Σₖ tₙₖ log yₙₖ。テストが訓練より上なら過学習です。</translation>
    </message>
    <message>
        <source>loss L</source>
        <translation>損失 L</translation>
    </message>
    <message>
        <source>mini-batch loss</source>
        <translation>ミニバッチ損失</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>訓練損失</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>テスト損失</translation>
    </message>
    <message>
        <source>train loss + weight decay</source>
        <translation>訓練の損失 + Weight decay</translation>
    </message>
    <message>
        <source>The loss exploded here (see the summary above)</source>
        <translation>ここで損失が発散しました（上の要約を参照）</translation>
    </message>
    <message>
        <source>What the lines are</source>
        <translation>線の意味</translation>
    </message>
    <message>
        <source>Thin grey line: the loss of each mini-batch. Dark solid line: the whole training set. Dashed vermillion line: the held-out test set (when it rises while the training loss falls, the network over-fits). Dotted line: chance level.</source>
        <translation>細い灰色の線：各ミニバッチの損失。濃い実線：訓練データ全体。朱色の破線：テストデータ（訓練の損失が下がるのにこれが上がれば過学習です）。点線：チャンスレベル。</translation>
    </message>
    <message>
        <source>test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <source>test (no test set)</source>
        <translation>テスト（テストデータなし）</translation>
    </message>
    <message>
        <source>train</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Accuracy over training steps</source>
        <translation>学習ステップごとの正解率</translation>
    </message>
    <message>
        <source>Accuracy = fraction of samples whose largest output is the correct class (0 to 1), on the training set and on the test set, at every evaluation. The dotted line is chance level, 1/K for K classes.</source>
        <translation>正解率 = 出力が最大のクラスが正解クラスと一致するサンプルの割合（0〜1）。評価のたびに訓練データとテストデータで求めます。点線はチャンスレベル（K クラスなら 1/K）です。</translation>
    </message>
    <message>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>訓練正解率</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>テスト正解率</translation>
    </message>
    <message>
        <source>train + weight decay (the total)</source>
        <translation>訓練 + Weight decay（合計）</translation>
    </message>
    <message>
        <source>R² = 0: the mean</source>
        <translation>R² = 0：平均値</translation>
    </message>
    <message>
        <source>chance 1/{k}</source>
        <translation>チャンスレベル 1/{k}</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>R² = 1 − Σ(y − t)² / Σ(t − t̄)² on the training and the test set, at every evaluation: 1 is a perfect fit, 0 (dotted) no better than always predicting the mean value, below 0 worse.</source>
        <translation>R² = 1 − Σ(y − t)² / Σ(t − t̄)²。評価のたびに訓練データとテストデータで求めます。1 は完全な当てはまり、0（点線）は常に平均値を予測するのと同じ、0 未満はそれより悪いことを表します。</translation>
    </message>
    <message>
        <source>R² over training steps</source>
        <translation>学習ステップごとの R²</translation>
    </message>
    <message>
        <source>step {n}</source>
        <translation>ステップ {n}</translation>
    </message>
    <message>
        <source>batch loss {v}</source>
        <translation>バッチの損失 {v}</translation>
    </message>
    <message>
        <source>train: loss {l}, R² {r}, RMSE {e}</source>
        <translation>訓練：損失 {l}、R² {r}、RMSE {e}</translation>
    </message>
    <message>
        <source>test: loss {l}, R² {r}, RMSE {e}</source>
        <translation>テスト：損失 {l}、R² {r}、RMSE {e}</translation>
    </message>
    <message>
        <source>train: loss {l}, accuracy {a}&#xa0;%</source>
        <translation>訓練：損失 {l}、正解率 {a}&#xa0;%</translation>
    </message>
    <message>
        <source>test: loss {l}, accuracy {a}&#xa0;%</source>
        <translation>テスト：損失 {l}、正解率 {a}&#xa0;%</translation>
    </message>
    <message>
        <source>weight decay term {p}</source>
        <translation>Weight decay の項 {p}</translation>
    </message>
    <message>
        <source>diverged at step {n}</source>
        <translation>ステップ {n} で発散</translation>
    </message>
    <message>
        <source>measured on {n} training and {m} test samples (a fixed random subset: the whole set would take too long)</source>
        <translation>訓練 {n} 件・テスト {m} 件で測定(固定したランダムな部分集合:全体では時間がかかりすぎるため)</translation>
    </message>
    <message>
        <source>loss L (log scale)</source>
        <translation>損失 L（対数目盛）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>data set</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>サンプル数</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>ノイズ</translation>
    </message>
    <message>
        <source>test ratio</source>
        <translation>テストの割合</translation>
    </message>
    <message>
        <source>hidden layers</source>
        <translation>隠れ層</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>output</source>
        <translation>出力関数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失関数</translation>
    </message>
    <message>
        <source>initialisation</source>
        <translation>初期値</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>gradient method</source>
        <translation>勾配の計算方法</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV ファイル</translation>
    </message>
    <message>
        <source>data folder</source>
        <translation>データフォルダ</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>Weight decay</translation>
    </message>
    <message>
        <source>regularization</source>
        <translation>正則化</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>batch normalization</source>
        <translation>Batch Normalization</translation>
    </message>
    <message>
        <source>input features</source>
        <translation>入力の特徴量</translation>
    </message>
    <message>
        <source>task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>Gradient descent on a surface</source>
        <translation>曲面上の勾配降下法</translation>
    </message>
    <message>
        <source>Softmax and loss</source>
        <translation>ソフトマックス関数と損失関数</translation>
    </message>
    <message>
        <source>Activations and depth</source>
        <translation>活性化関数と層の深さ</translation>
    </message>
    <message>
        <source>Gradient check (backprop vs numerical)</source>
        <translation>勾配確認（誤差逆伝播法 vs 数値微分）</translation>
    </message>
    <message>
        <source>Linear collapse</source>
        <translation>線形層の合成</translation>
    </message>
    <message>
        <source>Compare two runs</source>
        <translation>2つの学習を比較</translation>
    </message>
    <message>
        <source>simpleNet: the gradient of a loss ∂L/∂W</source>
        <translation>simpleNet：損失関数の勾配 ∂L/∂W</translation>
    </message>
    <message>
        <source>nnplay — watch a neural network learn</source>
        <translation>nnplay — ニューラルネットワークの学習を観察しよう</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>Training status</source>
        <translation>学習の状況</translation>
    </message>
    <message>
        <source>Progress of the numerical gradient</source>
        <translation>数値微分の進み具合</translation>
    </message>
    <message>
        <source>The numerical gradient of this step: each weight is nudged by ±h and the loss measured again. A step that takes longer than a frame is computed a piece at a time; the window answers meanwhile.</source>
        <translation>このステップの数値微分：各重みを ±h だけずらして損失を測り直します。1フレームより長くかかるステップは少しずつ計算するので、その間もウィンドウは操作できます。</translation>
    </message>
    <message>
        <source>numerical gradient %p %</source>
        <translation>数値微分 %p %</translation>
    </message>
    <message>
        <source>Download cancelled; nothing partial was kept.</source>
        <translation>ダウンロードを中止しました。途中までのファイルは残していません。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Start over with new weights (R)</source>
        <translation>新しい重みで最初からやり直す (R)</translation>
    </message>
    <message>
        <source>Loss and accuracy</source>
        <translation>損失と正解率</translation>
    </message>
    <message>
        <source>How wrong the network is</source>
        <translation>ネットワークがどれだけ間違えているか</translation>
    </message>
    <message>
        <source>Gradient of every layer  ‖∂L/∂W‖</source>
        <translation>各層の勾配  ‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>How much each layer&apos;s weights are told to change: vanishing gradients show up here</source>
        <translation>各層の重みをどれだけ変えるべきか：勾配消失はここに現れます</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>決定境界</translation>
    </message>
    <message>
        <source>What the network predicts where</source>
        <translation>ネットワークがどこで何を予測しているか</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Neurons and weights</source>
        <translation>ニューロンと重み</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>h(x), h&apos;(x) and what each layer computes</source>
        <translation>h(x)、h&apos;(x) と各層が計算する値</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Start over: new weights from the seed, step 0 (R)</source>
        <translation>最初からやり直す：シードから重みを作り直し、ステップ 0 へ (R)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>1ステップ</translation>
    </message>
    <message>
        <source>Train on exactly one mini-batch: W ← W − η ∂L/∂W (→ or S)</source>
        <translation>ミニバッチ1つ分だけ学習：W ← W − η ∂L/∂W (→ または S)</translation>
    </message>
    <message>
        <source>Step epoch</source>
        <translation>1エポック</translation>
    </message>
    <message>
        <source>Train until every training sample has been used once (E)</source>
        <translation>すべての訓練データを1回ずつ使うまで学習 (E)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Train continuously / pause (Space)</source>
        <translation>連続して学習／一時停止 (Space)</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>再生／一時停止</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open experiment…</source>
        <translation>実験を開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save experiment…</source>
        <translation>実験を保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Save s&amp;creenshot…</source>
        <translation>スクリーンショットを保存(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Export history as CSV…</source>
        <translation>履歴を CSV に書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>Every recorded step of this run in a CSV file, in the same columns as `nnplay train` writes: step, epoch, mini-batch loss, the evaluations, ‖∂L/∂W‖ of each layer</source>
        <translation>この学習で記録した全ステップを、`nnplay train` と同じ列で CSV ファイルに書き出します：ステップ、エポック、ミニバッチの損失、評価の結果、各層の ‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>プリセット(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Labs</source>
        <translation>ラボ(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Language / 言語</source>
        <translation>言語 / Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Help on this view</source>
        <translation>この画面のヘルプ</translation>
    </message>
    <message>
        <source>What the panel or lab with the focus shows, its formulas, what to try and what to look for (F1)</source>
        <translation>フォーカスのあるパネルやラボが何を示すか、その数式、試してみること、注目するところ (F1)</translation>
    </message>
    <message>
        <source>Lecture guide</source>
        <translation>講義ガイド</translation>
    </message>
    <message>
        <source>Where each topic of the lecture is in nnplay</source>
        <translation>講義の各トピックが nnplay のどこにあるか</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>About nnplay</source>
        <translation>nnplay について</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全画面表示(&amp;F)</translation>
    </message>
    <message>
        <source>The whole screen for nnplay (F11)</source>
        <translation>画面全体に nnplay を表示します (F11)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Larger text, lines and markers everywhere, e.g. for a projector (Ctrl++)</source>
        <translation>文字・線・マーカーをすべて大きくします。プロジェクター向け (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>Smaller text, lines and markers (Ctrl+-)</source>
        <translation>文字・線・マーカーを小さくします (Ctrl+-)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>倍率を元に戻す(&amp;R)</translation>
    </message>
    <message>
        <source>Back to 100 % (Ctrl+0)</source>
        <translation>100 % に戻します (Ctrl+0)</translation>
    </message>
    <message>
        <source>&amp;Controls column</source>
        <translation>設定の列(&amp;C)</translation>
    </message>
    <message>
        <source>Show or hide the settings on the left, to give the plots the whole width (Ctrl+B)</source>
        <translation>左の設定を表示・非表示にします。隠すとプロットが横幅いっぱいに広がります (Ctrl+B)</translation>
    </message>
    <message>
        <source>Training tab</source>
        <translation>学習タブ</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>次のタブ</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>前のタブ</translation>
    </message>
    <message>
        <source>Close this lab</source>
        <translation>このラボを閉じる</translation>
    </message>
    <message>
        <source>Update ratio of every layer  η‖∂L/∂W‖ / ‖W‖</source>
        <translation>各層の更新比率  η‖∂L/∂W‖ / ‖W‖</translation>
    </message>
    <message>
        <source>Output of the network</source>
        <translation>ネットワークの出力</translation>
    </message>
    <message>
        <source>Fitted curve</source>
        <translation>当てはめた曲線</translation>
    </message>
    <message>
        <source>Predicted vs true values</source>
        <translation>予測値と真の値</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>What one unit computes</source>
        <translation>1 つのユニットが計算するもの</translation>
    </message>
    <message>
        <source>&lt;b&gt;The loss exploded in step %1&lt;/b&gt; (%2), so that step was not applied. The learning rate η = %3 is too large: each step overshoots. Lower η (try %4) to start over with it; Reset alone repeats the same run (same seed, same η).</source>
        <translation>&lt;b&gt;ステップ %1 で損失が発散しました&lt;/b&gt;（%2）。このステップは適用していません。学習率 η = %3 が大きすぎて、毎回行き過ぎています。η を下げて（例えば %4）やり直してください。リセットだけでは同じ実行が繰り返されます（同じシード、同じ η）。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>The numerical gradient of this network would take about %1 per step — too slow to watch; still using backprop. Use a smaller network for the numerical gradient.</source>
        <translation>このネットワークの数値微分は1ステップ約 %1 かかります — 遅すぎて観察できないため、誤差逆伝播法のままにします。数値微分には小さなネットワークを使ってください。</translation>
    </message>
    <message>
        <source>Started over: %1 changed</source>
        <translation>最初からやり直しました：%1 を変更</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source>epoch %1 (%2/%3)</source>
        <translation>エポック %1（%2/%3）</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>損失 %1</translation>
    </message>
    <message>
        <source>train %1 %</source>
        <translation>訓練 %1 %</translation>
    </message>
    <message>
        <source>test %1 %</source>
        <translation>テスト %1 %</translation>
    </message>
    <message>
        <source>epoch %1, batch %2/%3</source>
        <translation>エポック %1、バッチ %2/%3</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>再生／一時停止</translation>
    </message>
    <message>
        <source>→ or S</source>
        <translation>→ または S</translation>
    </message>
    <message>
        <source>One step (one mini-batch)</source>
        <translation>1ステップ（ミニバッチ1つ）</translation>
    </message>
    <message>
        <source>To the end of the epoch</source>
        <translation>エポックの終わりまで</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>全画面表示を終わる</translation>
    </message>
    <message>
        <source>Copy the plot that has the focus as an image (with its title and legend)</source>
        <translation>フォーカスのあるプロットを画像としてコピー（タイトルと凡例つき）</translation>
    </message>
    <message>
        <source>right click on a plot</source>
        <translation>プロットを右クリック</translation>
    </message>
    <message>
        <source>Save it as PNG or SVG, or copy it</source>
        <translation>PNG や SVG で保存、またはコピー</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>倍率 %1 %</translation>
    </message>
    <message>
        <source>Export history as CSV</source>
        <translation>履歴を CSV に書き出す</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>History exported</source>
        <translation>履歴を書き出しました</translation>
    </message>
    <message>
        <source>%1

The file says so in its first line, which starts with #. Saved to %2.</source>
        <translation>%1

ファイルの # で始まる1行目にもそう書かれています。保存先：%2</translation>
    </message>
    <message>
        <source>History saved to %1</source>
        <translation>履歴を %1 に保存しました</translation>
    </message>
    <message>
        <source>epoch 0</source>
        <translation>エポック 0</translation>
    </message>
    <message>
        <source>mini-batch loss %1</source>
        <translation>ミニバッチの損失 %1</translation>
    </message>
    <message>
        <source>train accuracy %1 %</source>
        <translation>訓練データの正解率 %1 %</translation>
    </message>
    <message>
        <source>test accuracy %1 %</source>
        <translation>テストデータの正解率 %1 %</translation>
    </message>
    <message>
        <source>train R² %1</source>
        <translation>訓練データの R² %1</translation>
    </message>
    <message>
        <source>test R² %1</source>
        <translation>テストデータの R² %1</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>実験を開く</translation>
    </message>
    <message>
        <source>nnplay experiments (*.json);;All files (*)</source>
        <translation>nnplay の実験 (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation>実験を開けません</translation>
    </message>
    <message>
        <source>%1

The current experiment is unchanged.</source>
        <translation>%1

現在の実験はそのままです。</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>実験を保存</translation>
    </message>
    <message>
        <source>nnplay experiments (*.json)</source>
        <translation>nnplay の実験 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>保存できません</translation>
    </message>
    <message>
        <source>%1: %2. Choose another place.</source>
        <translation>%1：%2。別の場所を選んでください。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>スクリーンショットを保存</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 に書き込めませんでした。</translation>
    </message>
    <message>
        <source>Open CSV data</source>
        <translation>CSV データを開く</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV ファイル (*.csv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Folder with the MNIST files (e.g. the book&apos;s dataset/ folder)</source>
        <translation>MNIST のファイルがあるフォルダ（例：本書の dataset/ フォルダ）</translation>
    </message>
    <message>
        <source>Download failed; the current data set is unchanged.</source>
        <translation>ダウンロードに失敗しました。現在のデータセットはそのままです。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The language changes the next time nnplay starts.
次回の起動時に切り替わります。</source>
        <translation>言語は次に nnplay を起動したときに切り替わります。
The language changes the next time nnplay starts.</translation>
    </message>
    <message>
        <source>nnplay: watch small neural networks learn, step by step, and see why some of them don&apos;t.
Follows &apos;Deep Learning from Scratch&apos; (ゼロから作るDeep Learning), chapters 3–6.</source>
        <translation>nnplay：小さなニューラルネットワークが1ステップずつ学習する様子を観察し、うまく学習できないものはなぜなのかを確かめよう。
『ゼロから作るDeep Learning』（Deep Learning from Scratch）の3〜6章に沿っています。</translation>
    </message>
    <message>
        <source>Could not load the experiment</source>
        <translation>実験を読み込めませんでした</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>What the connections show</source>
        <translation>結合の線が表すもの</translation>
    </message>
    <message>
        <source>weights w</source>
        <translation>重み w</translation>
    </message>
    <message>
        <source>gradient |∂L/∂w|</source>
        <translation>勾配 |∂L/∂w|</translation>
    </message>
    <message>
        <source>The network&apos;s neurons and connections</source>
        <translation>ネットワークのニューロンと結合</translation>
    </message>
    <message>
        <source>Weights: each line is one weight w; teal w &gt; 0, brown w &lt; 0, thickness ∝ |w| / max |w| of its layer.
Gradient: thickness ∝ |∂L/∂w| on a fixed batch of {n} training samples, relative to the largest in the whole network, so layers the gradient does not reach fade away.</source>
        <translation>重み：各線が 1 つの重み w。青緑は w &gt; 0、茶色は w &lt; 0、太さ ∝ |w| / その層の max |w|。
勾配：太さ ∝ |∂L/∂w|（訓練データの決まった {n} サンプルで計算）。ネットワーク全体の最大との比なので、勾配が届かない層は薄くなります。</translation>
    </message>
    <message>
        <source>Columns of neurons from the input (left) to the output (right); each line is one weight.
Teal: w &gt; 0, brown: w &lt; 0; the thicker, the larger |w| compared with the other weights of the same layer. Output neurons have their class colour. Wide layers show {n} evenly spaced neurons.
For 2-D data each neuron is a picture of its output over the input plane; click one to see it large, point at one (or at a line) for its numbers.</source>
        <translation>入力（左）から出力（右）へのニューロンの列。各線が 1 つの重みです。
青緑：w &gt; 0、茶色：w &lt; 0。太いほど、同じ層の他の重みに比べて |w| が大きい。出力ニューロンはクラスの色です。幅の広い層は等間隔に {n} 個のニューロンを表示します。
2 次元データでは、各ニューロンは入力平面上での出力を表す小さな図です。クリックすると大きく表示し、ニューロン（または線）を指すと数値が出ます。</translation>
    </message>
    <message>
        <source>pictures</source>
        <translation>図</translation>
    </message>
    <message>
        <source>Unit pictures</source>
        <translation>ユニットの図</translation>
    </message>
    <message>
        <source>For 2-D data, each unit is a small picture of its output over the input plane (blue: low, white: middle, orange: high; output units: white to their class colour). Click a unit to see it large in the boundary panel.</source>
        <translation>2 次元データでは、各ユニットを入力平面上での出力の小さな図で表します（青：小さい、白：中間、オレンジ：大きい。出力ユニットは白からクラスの色まで）。ユニットをクリックすると決定境界のパネルに大きく表示します。</translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation>最後の隠れ層を削除</translation>
    </message>
    <message>
        <source>Remove a hidden layer</source>
        <translation>隠れ層を削除</translation>
    </message>
    <message>
        <source>Add a hidden layer (as wide as the last one) before the output; ⊕/⊖ above a layer: its units</source>
        <translation>出力の前に隠れ層を追加（最後の層と同じ幅）。層の上の ⊕/⊖：その層のユニット数</translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation>隠れ層を追加</translation>
    </message>
    <message>
        <source>The unit or connection under the pointer</source>
        <translation>ポインタの下のユニットまたは結合</translation>
    </message>
    <message>
        <source>Point at a unit or line; click a unit.</source>
        <translation>ユニットや線を指す・クリックする。</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>表示：</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>層</translation>
    </message>
    <message>
        <source>Add a unit to this layer</source>
        <translation>この層にユニットを追加</translation>
    </message>
    <message>
        <source>Remove a unit</source>
        <translation>ユニットを削除</translation>
    </message>
    <message>
        <source>in</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>out</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>input</source>
        <translation>入力層</translation>
    </message>
    <message>
        <source>output</source>
        <translation>出力層</translation>
    </message>
    <message>
        <source>hidden {i}</source>
        <translation>隠れ層{i}</translation>
    </message>
    <message>
        <source>{k} shown</source>
        <translation>{k} 個を表示</translation>
    </message>
    <message>
        <source>thickness ∝ |∂L/∂w| (the largest in the network is thickest)</source>
        <translation>太さ ∝ |∂L/∂w|（ネットワーク全体で最大のものが最も太い）</translation>
    </message>
    <message>
        <source>w &gt; 0</source>
        <translation>w &gt; 0</translation>
    </message>
    <message>
        <source>w &lt; 0</source>
        <translation>w &lt; 0</translation>
    </message>
    <message>
        <source>thickness ∝ |w| (per layer)</source>
        <translation>太さ ∝ |w|（層ごと）</translation>
    </message>
    <message>
        <source>pictures:</source>
        <translation>図：</translation>
    </message>
    <message>
        <source>low</source>
        <translation>小</translation>
    </message>
    <message>
        <source>high</source>
        <translation>大</translation>
    </message>
    <message>
        <source>no unit pictures: too big a network to draw them live</source>
        <translation>ユニットの図なし：ネットワークが大きすぎて随時描けません</translation>
    </message>
    <message>
        <source>input {name}</source>
        <translation>入力 {name}</translation>
    </message>
    <message>
        <source>output {k} (class {name})</source>
        <translation>出力 {k}（クラス {name}）</translation>
    </message>
    <message>
        <source>{layer}, unit {k}</source>
        <translation>{layer}、ユニット {k}</translation>
    </message>
    <message>
        <source>{name} on {n} training samples: mean {m}, std {s}</source>
        <translation>{name}：訓練データ {n} サンプルでの平均 {m}、標準偏差 {s}</translation>
    </message>
    <message>
        <source>; active for {p} % of them</source>
        <translation>。そのうち {p} % で活性</translation>
    </message>
    <message>
        <source> (dead: 0 for every sample, no gradient passes)</source>
        <translation>（死んでいます：どのサンプルでも 0 で、勾配が通りません）</translation>
    </message>
    <message>
        <source>; saturated (h′ &lt; 10 % of its largest) for {p} %</source>
        <translation>。{p} % で飽和（h′ が最大の 10 % 未満）</translation>
    </message>
    <message>
        <source>w = {w} from {a} to {b};  ∂L/∂w = {g} (on {n} training samples)</source>
        <translation>w = {w}（{a} から {b} へ）。∂L/∂w = {g}（訓練データ {n} サンプル）</translation>
    </message>
</context>
<context>
    <name>PlotMenu</name>
    <message>
        <source>Save image…</source>
        <translation>画像を保存…</translation>
    </message>
    <message>
        <source>Save this plot with its title and legend as a PNG image (2× resolution)</source>
        <translation>このプロットをタイトルと凡例つきで PNG 画像として保存します（2倍の解像度）</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>SVG で保存…</translation>
    </message>
    <message>
        <source>Save this plot with its title and legend as vector graphics (SVG)</source>
        <translation>このプロットをタイトルと凡例つきでベクター画像 (SVG) として保存します</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>画像をコピー</translation>
    </message>
    <message>
        <source>Copy this plot with its title and legend to the clipboard (Ctrl+C)</source>
        <translation>このプロットをタイトルと凡例つきでクリップボードにコピーします (Ctrl+C)</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>すべて表示</translation>
    </message>
    <message>
        <source>Zoom out to the whole plot (the plot&apos;s “A” button)</source>
        <translation>プロット全体が見えるまで縮小します（プロットの「A」ボタンと同じ）</translation>
    </message>
    <message>
        <source>%1: %2. Choose another place.</source>
        <translation>%1：%2。別の場所を選んでください。</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>保存できません</translation>
    </message>
    <message>
        <source>Save image</source>
        <translation>画像を保存</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Save as SVG</source>
        <translation>SVG で保存</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 画像 (*.svg)</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Vanishing gradients (deep sigmoid)</source>
        <translation>勾配消失（深いシグモイド関数のネットワーク）</translation>
    </message>
    <message>
        <source>ReLU + He keeps the gradient alive</source>
        <translation>ReLU + He で勾配が保たれる</translation>
    </message>
    <message>
        <source>The step function cannot learn</source>
        <translation>ステップ関数では学習できない</translation>
    </message>
    <message>
        <source>Linear layers collapse (XOR with identity activations)</source>
        <translation>線形の層は1層と同じ（恒等関数で XOR）</translation>
    </message>
    <message>
        <source>Eight sigmoid layers. sigmoid&apos;(x) ≤ 0.25, so every layer multiplies the gradient by at most 0.25:
in the Gradients panel layer 1 (dark violet, at the bottom) gets about a million times less than the last layer (green, at the top) and barely learns.</source>
        <translation>シグモイド関数の層が8つ。sigmoid&apos;(x) ≤ 0.25 なので、層を通るたびに勾配は 0.25 倍以下になります：
勾配のパネルでは第1層（濃い紫、いちばん下）の勾配は最後の層（緑、いちばん上）のおよそ100万分の1しかなく、ほとんど学習しません。</translation>
    </message>
    <message>
        <source>The same eight layers with ReLU and He initialisation. ReLU&apos;(x) = 1 where a unit is active,
so the gradient reaches layer 1 undiminished: the lines in the Gradients panel stay together.</source>
        <translation>同じ8層を ReLU と He の初期値で。ユニットが活性なところでは ReLU&apos;(x) = 1 なので、
勾配は減らずに第1層まで届きます：勾配のパネルの線はまとまったままです。</translation>
    </message>
    <message>
        <source>Hidden units use the step function, whose derivative is 0 everywhere.
No gradient reaches the hidden layers (they sit on the 0 lane of the Gradients panel): only the last layer learns.</source>
        <translation>隠れ層のユニットにステップ関数を使います。その微分は至る所で 0 です。
隠れ層には勾配が届かず（勾配のパネルの「0」の帯に並びます）、学習するのは最後の層だけです。</translation>
    </message>
    <message>
        <source>Three layers with h(x) = x multiply out to one matrix, so the network is no deeper than one layer.
Its decision boundary (the black line) stays straight and XOR is never solved.</source>
        <translation>h(x) = x の3層は掛け合わせると1つの行列になるので、ネットワークは1層分の表現力しかありません。
決定境界（黒い線）は直線のままで、XOR は決して解けません。</translation>
    </message>
    <message>
        <source>Learning rate too large</source>
        <translation>学習率が大きすぎる</translation>
    </message>
    <message>
        <source>η = 3: each step jumps past the minimum to a worse point, and the loss grows until it is infinite.
Training stops and says so; lower the learning rate and press Reset.</source>
        <translation>η = 3：毎回最小値を飛び越えてより悪い点に移り、損失は無限大になるまで増えていきます。
学習は停止してその旨を表示します。学習率を下げてリセットを押してください。</translation>
    </message>
    <message>
        <source>Digits 8×8</source>
        <translation>手書き数字 8×8</translation>
    </message>
    <message>
        <source>1,797 real handwritten digits, 8×8 pixels = 64 inputs, 10 classes (softmax + cross-entropy).
Watch the sample predictions and the confusion matrix fill its diagonal.</source>
        <translation>本物の手書き数字 1,797 枚、8×8 ピクセル = 入力 64、10クラス（ソフトマックス関数 + 交差エントロピー誤差）。
サンプルの予測と、混同行列の対角線が埋まっていく様子を観察しましょう。</translation>
    </message>
    <message>
        <source>Book ch.4: TwoLayerNet on MNIST</source>
        <translation>本書 4 章：MNIST で TwoLayerNet</translation>
    </message>
    <message>
        <source>The book&apos;s two-layer net on MNIST (4.5): 784 → 50 sigmoid units → 10, softmax + cross-entropy, weights ~ 0.01·N(0, 1) (its weight_init_std), SGD with η = 0.1, batches of 100.
The gradient is the numerical one, as in the lecture: the book&apos;s loop takes ~12 s a step (its code falls back to backprop), nnplay computes the same central differences in ~20 ms.
The book reports train and test accuracy rising together to about 0.95 after 10,000 steps (≈17 epochs) — no overfitting.</source>
        <translation>本書の 2 層ニューラルネットワークで MNIST を学習（4.5 節）：784 → シグモイド 50 ユニット → 10、ソフトマックス関数 + 交差エントロピー誤差、重み ~ 0.01·N(0, 1)（weight_init_std）、SGD（η = 0.1）、バッチサイズ 100。
勾配は講義のとおり数値微分で求めます：本書のループでは 1 ステップ約 12 秒かかります（本書のコードは誤差逆伝播法に切り替えています）が、nnplay は同じ中心差分を約 20 ミリ秒で計算します。
本書では 10,000 ステップ（約 17 エポック）で訓練データとテストデータの認識精度がそろって約 0.95 まで上がり、過学習は起きていません。</translation>
    </message>
    <message>
        <source>Book ch.5: the same with backprop and ReLU</source>
        <translation>本書 5 章：同じネットワークを誤差逆伝播法と ReLU で</translation>
    </message>
    <message>
        <source>The same net with ReLU and the gradient by backpropagation (5.7). The book&apos;s gradient check finds backprop and the numerical gradient differing by 1e-10 to 1e-13,
and after 10,000 steps it reports about 0.98 training and 0.97 test accuracy (nnplay: 0.979 and 0.971 with these settings).</source>
        <translation>同じネットワークで活性化関数を ReLU にし、勾配を誤差逆伝播法で求めます（5.7 節）。本書の勾配確認では、誤差逆伝播法と数値微分の差は 1e-10〜1e-13 です。
10,000 ステップ後の認識精度は、本書では訓練データ約 0.98、テストデータ約 0.97（nnplay ではこの設定で 0.979 と 0.971）。</translation>
    </message>
    <message>
        <source>Good features beat depth (circles, no hidden layer)</source>
        <translation>良い特徴量は深さに勝る（同心円、隠れ層なし）</translation>
    </message>
    <message>
        <source>No hidden layer at all, but the inputs are x₁² and x₂² instead of x₁ and x₂: the boundary w₁x₁² + w₂x₂² + b = 0 is an ellipse,
so one layer solves the circles (about 96 % on the test set) where deep linear layers never could. The input units&apos; pictures show the features.</source>
        <translation>隠れ層はまったくありませんが、入力は x₁ と x₂ の代わりに x₁² と x₂² です。境界 w₁x₁² + w₂x₂² + b = 0 は楕円なので、
深い線形の層では決して解けない同心円を 1 層で解きます（テストデータで約 96 %）。入力ユニットの図が特徴量を表しています。</translation>
    </message>
    <message>
        <source>Batch normalization rescues the deep sigmoid net</source>
        <translation>Batch Normalization が深いシグモイド関数のネットワークを救う</translation>
    </message>
    <message>
        <source>The vanishing-gradient preset with batch normalization between every Affine layer and its sigmoid (the book&apos;s ch. 6.3).
Each unit&apos;s input is normalised over the mini-batch to mean 0 and variance 1, where sigmoid′ is largest: layer 1&apos;s gradient comes back from about 10⁻⁷ to about 0.1 (as large as the last layer&apos;s) and the circles are learnt.</source>
        <translation>勾配消失のプリセットに、各 Affine 層とシグモイド関数の間の Batch Normalization を加えたもの（本書 6.3 節）。
各ユニットの入力はミニバッチで平均 0・分散 1 に正規化され、シグモイド関数の微分が最大のところに来ます。第 1 層の勾配は約 10⁻⁷ から約 0.1（最後の層と同じくらい）に戻り、同心円を学習します。</translation>
    </message>
    <message>
        <source>Over-fitting and its cures (the book&apos;s ch. 6.4)</source>
        <translation>過学習とその対策（本書 6.4 節）</translation>
    </message>
    <message>
        <source>The book&apos;s set-up: few training samples (270 noisy 8×8 digits; the book takes 300 of MNIST) and a deep, wide network (6 × 100 ReLU).
Training accuracy reaches 100 % while the test accuracy stops near 73 %: that gap is over-fitting. Set weight decay λ = 0.1 or dropout 0.2 and press Reset: the gap narrows (the network can no longer memorise the samples), though with so few samples the test accuracy does not rise.</source>
        <translation>本書の設定：少ない訓練データ（ノイズを加えた 8×8 の手書き数字 270 個。本書では MNIST の 300 個）と、深く幅の広いネットワーク（100 ユニットの ReLU が 6 層）。
訓練データの正解率は 100 % に達しますが、テストデータの正解率は 73 % 付近で止まります。この差が過学習です。Weight decay λ = 0.1 または Dropout 0.2 にしてリセットすると、差は縮まります（ネットワークがサンプルを丸暗記できなくなる）。ただし、サンプルがこれほど少ないとテストデータの正解率は上がりません。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>はたらき</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>SimpleNetLab</name>
    <message>
        <source>simpleNet: ∂L/∂W</source>
        <translation>simpleNet：∂L/∂W</translation>
    </message>
    <message>
        <source>Input (double-click a number to change it)</source>
        <translation>入力（数値をダブルクリックで変更）</translation>
    </message>
    <message>
        <source>weights W (2 × 3)</source>
        <translation>重み W（2 × 3）</translation>
    </message>
    <message>
        <source>Weights W</source>
        <translation>重み W</translation>
    </message>
    <message>
        <source>W: 2 inputs × 3 outputs. Row i, column j is w_ij, the weight from input i to output j</source>
        <translation>W：入力 2 × 出力 3。i 行 j 列が w_ij、入力 i から出力 j への重みです</translation>
    </message>
    <message>
        <source>input x</source>
        <translation>入力 x</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>入力 x</translation>
    </message>
    <message>
        <source>The input x = [x1, x2]</source>
        <translation>入力 x = [x1, x2]</translation>
    </message>
    <message>
        <source>Correct class</source>
        <translation>正解クラス</translation>
    </message>
    <message>
        <source>The correct label as a one-hot vector: t = [0, 0, 1] means the third output is correct</source>
        <translation>one-hot 表現の正解ラベル：t = [0, 0, 1] は 3 番目の出力が正解という意味です</translation>
    </message>
    <message>
        <source>t = [%1] (output %2 is correct)</source>
        <translation>t = [%1]（出力 %2 が正解）</translation>
    </message>
    <message>
        <source>correct label t</source>
        <translation>正解ラベル t</translation>
    </message>
    <message>
        <source>δ = 1e−7 inside the log, as in the book&apos;s code</source>
        <translation>log の中に δ = 1e−7（本書のコードと同じ）</translation>
    </message>
    <message>
        <source>Add delta inside the log</source>
        <translation>log の中に δ を加える</translation>
    </message>
    <message>
        <source>The book&apos;s cross_entropy_error computes −log(y_t + δ) with δ = 1e−7 so that log 0 never happens. The numbers the book prints for this example are those without δ; with it the loss is 2.5e−7 smaller and dW changes in the 7th decimal.</source>
        <translation>本書の cross_entropy_error は log 0 を避けるため δ = 1e−7 として −log(y_t + δ) を計算します。この例で本書に載っている数値は δ なしのものです。δ を加えると損失は 2.5e−7 小さくなり、dW は小数第 7 位が変わります。</translation>
    </message>
    <message>
        <source>The book&apos;s W, x and t</source>
        <translation>本書の W、x、t</translation>
    </message>
    <message>
        <source>Book values</source>
        <translation>本書の値</translation>
    </message>
    <message>
        <source>W as printed in the book, x = [0.6, 0.9], t = [0, 0, 1]</source>
        <translation>本書に載っている W、x = [0.6, 0.9]、t = [0, 0, 1]</translation>
    </message>
    <message>
        <source>New random W</source>
        <translation>W を新しく乱数で</translation>
    </message>
    <message>
        <source>Random weights</source>
        <translation>ランダムな重み</translation>
    </message>
    <message>
        <source>W from np.random.rand(2, 3) (uniform in [0, 1)), as the book&apos;s simpleNet starts</source>
        <translation>本書の simpleNet の初期化と同じく np.random.rand(2, 3)（[0, 1) の一様乱数）で W を作ります</translation>
    </message>
    <message>
        <source>Gradient descent on W</source>
        <translation>W の勾配降下法</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>η in W ← W − η·dW</source>
        <translation>W ← W − η·dW の η</translation>
    </message>
    <message>
        <source>Step: W ← W − η·dW</source>
        <translation>1 ステップ：W ← W − η·dW</translation>
    </message>
    <message>
        <source>One gradient step</source>
        <translation>勾配法で 1 ステップ</translation>
    </message>
    <message>
        <source>Move every weight against its gradient: the loss goes down</source>
        <translation>各重みを勾配と逆の向きに動かします。損失が下がります</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Problems with typed values</source>
        <translation>入力した値の問題</translation>
    </message>
    <message>
        <source>&lt;b&gt;p = x·W&lt;/b&gt; (scores)</source>
        <translation>&lt;b&gt;p = x·W&lt;/b&gt;（スコア）</translation>
    </message>
    <message>
        <source>Scores p</source>
        <translation>スコア p</translation>
    </message>
    <message>
        <source>p = x·W</source>
        <translation>p = x·W</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>予測クラス</translation>
    </message>
    <message>
        <source>np.argmax(p): the largest score</source>
        <translation>np.argmax(p)：最大のスコア</translation>
    </message>
    <message>
        <source>&lt;b&gt;y = softmax(p)&lt;/b&gt; (probabilities)</source>
        <translation>&lt;b&gt;y = softmax(p)&lt;/b&gt;（確率）</translation>
    </message>
    <message>
        <source>Softmax y</source>
        <translation>ソフトマックス関数の出力 y</translation>
    </message>
    <message>
        <source>y_k = exp(p_k) / Σ_j exp(p_j)</source>
        <translation>y_k = exp(p_k) / Σ_j exp(p_j)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失関数</translation>
    </message>
    <message>
        <source>Cross-entropy L = −Σ t_k log y_k = −log y_t. The book prints 0.92806853663411326: it computed with the unrounded W, of which it prints 8 decimals.</source>
        <translation>交差エントロピー誤差 L = −Σ t_k log y_k = −log y_t。本書の値 0.92806853663411326 は丸める前の W で計算したもので、本書には W が小数第 8 位まで載っています。</translation>
    </message>
    <message>
        <source>&lt;b&gt;dW = ∂L/∂W&lt;/b&gt;, numerical gradient: (L(w + h) − L(w − h)) / 2h, h = 1e−4</source>
        <translation>&lt;b&gt;dW = ∂L/∂W&lt;/b&gt;、数値微分：(L(w + h) − L(w − h)) / 2h、h = 1e−4</translation>
    </message>
    <message>
        <source>Gradient dW</source>
        <translation>勾配 dW</translation>
    </message>
    <message>
        <source>Row i, column j: ∂L/∂w_ij, how much L changes per unit change of w_ij (red &gt; 0, blue &lt; 0)</source>
        <translation>i 行 j 列：∂L/∂w_ij。w_ij を単位量だけ変えたとき L がどれだけ変わるか（赤 &gt; 0、青 &lt; 0）</translation>
    </message>
    <message>
        <source>Reading the gradient</source>
        <translation>勾配の読み方</translation>
    </message>
    <message>
        <source>What dW says about W</source>
        <translation>dW が W について教えてくれること</translation>
    </message>
    <message>
        <source>Compared with backpropagation</source>
        <translation>誤差逆伝播法との比較</translation>
    </message>
    <message>
        <source>The same derivative in closed form, as backpropagation computes it (chapter 5)</source>
        <translation>同じ微分を、誤差逆伝播法と同じく式で計算したもの（5 章）</translation>
    </message>
    <message>
        <source>Values beyond ±100 were clamped.</source>
        <translation>±100 を超える値は範囲内に収めました。</translation>
    </message>
    <message>
        <source>np.argmax(p) = {i} (numpy counts from 0): p&lt;sub&gt;{k}&lt;/sub&gt; is the largest score, so the net predicts output {k}; t says output {c} is correct.</source>
        <translation>np.argmax(p) = {i}（numpy は 0 から数えます）：p&lt;sub&gt;{k}&lt;/sub&gt; が最大のスコアなので、ネットワークの予測は出力 {k}。t によれば正解は出力 {c} です。</translation>
    </message>
    <message>
        <source>∂L/∂w&lt;sub&gt;11&lt;/sub&gt; = {g:.2f}: raising w&lt;sub&gt;11&lt;/sub&gt; by h changes L by about {g:.2f}·h, so to lower the loss w&lt;sub&gt;11&lt;/sub&gt; should move {way}.</source>
        <translation>∂L/∂w&lt;sub&gt;11&lt;/sub&gt; = {g:.2f}：w&lt;sub&gt;11&lt;/sub&gt; を h だけ増やすと L は約 {g:.2f}·h 変わるので、損失を下げるには w&lt;sub&gt;11&lt;/sub&gt; を{way}動かします。</translation>
    </message>
    <message>
        <source>down</source>
        <translation>減らす向きに</translation>
    </message>
    <message>
        <source>up</source>
        <translation>増やす向きに</translation>
    </message>
    <message>
        <source>The largest is ∂L/∂w&lt;sub&gt;{i}{j}&lt;/sub&gt; = {g:.2f}: w&lt;sub&gt;{i}{j}&lt;/sub&gt; should move {way}, and it matters most.</source>
        <translation>最も大きいのは ∂L/∂w&lt;sub&gt;{i}{j}&lt;/sub&gt; = {g:.2f}：w&lt;sub&gt;{i}{j}&lt;/sub&gt; は{way}動かすべきで、その効果が最も大きい重みです。</translation>
    </message>
    <message>
        <source>Backpropagation&apos;s closed form x&lt;sup&gt;T&lt;/sup&gt;·(y − t) (chapter 5) gives the same matrix: the largest difference is {d:.1e}.</source>
        <translation>誤差逆伝播法の式 x&lt;sup&gt;T&lt;/sup&gt;·(y − t)（5 章）でも同じ行列になります。差は最大でも {d:.1e} です。</translation>
    </message>
    <message>
        <source>“{t}” is not a number; kept {v:g}.</source>
        <translation>「{t}」は数値ではないので、{v:g} のままにしました。</translation>
    </message>
</context>
<context>
    <name>SoftmaxLossLab</name>
    <message>
        <source>Softmax and loss</source>
        <translation>ソフトマックス関数と損失関数</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>scores a → softmax</source>
        <translation>スコア a → ソフトマックス関数</translation>
    </message>
    <message>
        <source>Scores mode</source>
        <translation>スコアを入力するモード</translation>
    </message>
    <message>
        <source>Type scores a_k; the lab computes y_k = exp(a_k) / Σ_j exp(a_j)</source>
        <translation>スコア a_k を入力すると、y_k = exp(a_k) / Σ_j exp(a_j) を計算します</translation>
    </message>
    <message>
        <source>probabilities y directly</source>
        <translation>確率 y を直接入力</translation>
    </message>
    <message>
        <source>Probabilities mode</source>
        <translation>確率を入力するモード</translation>
    </message>
    <message>
        <source>Type the network&apos;s outputs y_k yourself (each between 0 and 1)</source>
        <translation>ネットワークの出力 y_k を自分で入力します（それぞれ 0〜1）</translation>
    </message>
    <message>
        <source>Number of classes</source>
        <translation>クラス数</translation>
    </message>
    <message>
        <source>How many entries (2–10)</source>
        <translation>入力する値の個数（2〜10）</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>クラス数</translation>
    </message>
    <message>
        <source>Correct class</source>
        <translation>正解クラス</translation>
    </message>
    <message>
        <source>The correct class: the one-hot target t has t_k = 1 for this k, 0 elsewhere</source>
        <translation>正解クラス：one-hot 表現の教師データ t は、この k で t_k = 1、それ以外で 0</translation>
    </message>
    <message>
        <source>correct class t</source>
        <translation>正解クラス t</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>Double-click a value to edit it</source>
        <translation>値をダブルクリックすると編集できます</translation>
    </message>
    <message>
        <source>Large inputs [1010, 1000, 990]</source>
        <translation>大きな入力 [1010, 1000, 990]</translation>
    </message>
    <message>
        <source>Large inputs</source>
        <translation>大きな入力</translation>
    </message>
    <message>
        <source>exp(1010) overflows to inf, so exp(a)/Σexp(a) = inf/inf = nan;
softmax(a) = softmax(a − max a) does not overflow</source>
        <translation>exp(1010) は inf にオーバーフローするので exp(a)/Σexp(a) = inf/inf = nan。
softmax(a) = softmax(a − max a) ならオーバーフローしません</translation>
    </message>
    <message>
        <source>Book scores [0.3, 2.9, 4.0]</source>
        <translation>本書のスコア [0.3, 2.9, 4.0]</translation>
    </message>
    <message>
        <source>Book scores</source>
        <translation>本書のスコア</translation>
    </message>
    <message>
        <source>softmax([0.3, 2.9, 4.0]) ≈ [0.018, 0.245, 0.737]</source>
        <translation>softmax([0.3, 2.9, 4.0]) ≈ [0.018, 0.245, 0.737]</translation>
    </message>
    <message>
        <source>Lecture example (y, t = class 2)</source>
        <translation>講義の例（y、t = クラス 2）</translation>
    </message>
    <message>
        <source>Lecture example</source>
        <translation>講義の例</translation>
    </message>
    <message>
        <source>y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0], correct class 2</source>
        <translation>y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0]、正解クラス 2</translation>
    </message>
    <message>
        <source>Correct class gets y = 0</source>
        <translation>正解クラスが y = 0</translation>
    </message>
    <message>
        <source>Correct class gets probability 0</source>
        <translation>正解クラスの確率が 0</translation>
    </message>
    <message>
        <source>The lecture&apos;s y with correct class 3, where y_3 = 0: −log 0 = ∞ without δ</source>
        <translation>講義の y で正解クラスを 3 にした場合（y_3 = 0）：δ がないと −log 0 = ∞</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Problems with typed values</source>
        <translation>入力した値の問題</translation>
    </message>
    <message>
        <source>class k</source>
        <translation>クラス k</translation>
    </message>
    <message>
        <source>The scores a_k</source>
        <translation>スコア a_k</translation>
    </message>
    <message>
        <source>scores a</source>
        <translation>スコア a</translation>
    </message>
    <message>
        <source>Naive softmax</source>
        <translation>素朴なソフトマックス関数</translation>
    </message>
    <message>
        <source>exp(a_k) / Σ_j exp(a_j) exactly as written: exp overflows to inf for a &gt; 709</source>
        <translation>exp(a_k) / Σ_j exp(a_j) を式のとおりに計算：a &gt; 709 では exp が inf にオーバーフロー</translation>
    </message>
    <message>
        <source>naive exp(a) / Σ exp(a)</source>
        <translation>素朴な exp(a) / Σ exp(a)</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>ソフトマックス関数</translation>
    </message>
    <message>
        <source>nnplay.core softmax: exp(a_k − max a) / Σ_j exp(a_j − max a), the same values, no overflow</source>
        <translation>nnplay.core の softmax：exp(a_k − max a) / Σ_j exp(a_j − max a)。値は同じで、オーバーフローしません</translation>
    </message>
    <message>
        <source>softmax y (stable)</source>
        <translation>ソフトマックス y（安定版）</translation>
    </message>
    <message>
        <source>Sum of the naive softmax</source>
        <translation>素朴なソフトマックス関数の和</translation>
    </message>
    <message>
        <source>Sum of the softmax</source>
        <translation>ソフトマックス関数の和</translation>
    </message>
    <message>
        <source>Largest score</source>
        <translation>最大のスコア</translation>
    </message>
    <message>
        <source>Overflow warning</source>
        <translation>オーバーフローの警告</translation>
    </message>
    <message>
        <source>Shown when exp(a) overflows</source>
        <translation>exp(a) がオーバーフローしたときに表示</translation>
    </message>
    <message>
        <source>Loss against the one-hot target t (dashed bar)</source>
        <translation>one-hot 表現の教師データ t（破線の棒）に対する損失</translation>
    </message>
    <message>
        <source>Sum of squared error</source>
        <translation>2乗和誤差</translation>
    </message>
    <message>
        <source>E = ½·Σ_k (y_k − t_k)²</source>
        <translation>E = ½·Σ_k (y_k − t_k)²</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交差エントロピー誤差</translation>
    </message>
    <message>
        <source>E = −Σ_k t_k·log(y_k + δ), δ = 1e−7</source>
        <translation>E = −Σ_k t_k·log(y_k + δ), δ = 1e−7</translation>
    </message>
    <message>
        <source>Cross-entropy without delta</source>
        <translation>δ なしの交差エントロピー誤差</translation>
    </message>
    <message>
        <source>−Σ_k t_k·log y_k = −log y_t: infinite when the correct class has y_t = 0</source>
        <translation>−Σ_k t_k·log y_k = −log y_t：正解クラスの y_t = 0 なら無限大</translation>
    </message>
    <message>
        <source>Note on the literal formula</source>
        <translation>式をそのまま計算したときの注意</translation>
    </message>
    <message>
        <source>What −np.sum(t * np.log(y)) gives without δ</source>
        <translation>δ なしで −np.sum(t * np.log(y)) を計算した結果</translation>
    </message>
    <message>
        <source>sum of squared error</source>
        <translation>2乗和誤差</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交差エントロピー誤差</translation>
    </message>
    <message>
        <source>without δ</source>
        <translation>δ なし</translation>
    </message>
    <message>
        <source>Some values were out of range and were clamped to [{lo:g}, {hi:g}].</source>
        <translation>範囲外の値があったので [{lo:g}, {hi:g}] に収めました。</translation>
    </message>
    <message>
        <source>class {k}</source>
        <translation>クラス {k}</translation>
    </message>
    <message>
        <source>score a_k</source>
        <translation>スコア a_k</translation>
    </message>
    <message>
        <source>softmax y_k</source>
        <translation>ソフトマックス y_k</translation>
    </message>
    <message>
        <source>y_k</source>
        <translation>y_k</translation>
    </message>
    <message>
        <source>t_k</source>
        <translation>t_k</translation>
    </message>
    <message>
        <source>Σ y = {s}</source>
        <translation>Σ y = {s}</translation>
    </message>
    <message>
        <source>(not 1: not a distribution)</source>
        <translation>（1 ではない：確率分布ではありません）</translation>
    </message>
    <message>
        <source>y (typed)</source>
        <translation>y（入力値）</translation>
    </message>
    <message>
        <source>Σ = {s}</source>
        <translation>Σ = {s}</translation>
    </message>
    <message>
        <source>largest a: class {a} → largest y: class {b}</source>
        <translation>a が最大：クラス {a} → y が最大：クラス {b}</translation>
    </message>
    <message>
        <source>exp({m:g}) overflows to inf, so the naive formula gives inf / inf = nan. The stable softmax subtracts max a = {m:g} first: every exp(a − max a) ≤ 1, and the result is the same mathematically.</source>
        <translation>exp({m:g}) は inf にオーバーフローするので、素朴な式では inf / inf = nan になります。安定版のソフトマックス関数は先に max a = {m:g} を引くので、どの exp(a − max a) も 1 以下になり、結果は数学的に同じです。</translation>
    </message>
    <message>
        <source>−log y&lt;sub&gt;{k}&lt;/sub&gt; = −log 0 = &lt;b style=&apos;color:{bad}&apos;&gt;∞&lt;/b&gt;; with δ: −log(1e−7) ≈ {d:.1f}, large but finite</source>
        <translation>−log y&lt;sub&gt;{k}&lt;/sub&gt; = −log 0 = &lt;b style=&apos;color:{bad}&apos;&gt;∞&lt;/b&gt;。δ があれば −log(1e−7) ≈ {d:.1f}、大きいが有限</translation>
    </message>
    <message>
        <source>−log y&lt;sub&gt;{k}&lt;/sub&gt; = −log {y} = &lt;b&gt;{ce}&lt;/b&gt;</source>
        <translation>−log y&lt;sub&gt;{k}&lt;/sub&gt; = −log {y} = &lt;b&gt;{ce}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Typed as −np.sum(t * np.log(y)) it is nan: some y&lt;sub&gt;k&lt;/sub&gt; = 0 and 0·log 0 = 0·(−∞) = nan.</source>
        <translation>−np.sum(t * np.log(y)) と書くと nan になります：y&lt;sub&gt;k&lt;/sub&gt; = 0 の要素があり、0·log 0 = 0·(−∞) = nan となるためです。</translation>
    </message>
    <message>
        <source>“{t}” is not a number; kept {v:g}.</source>
        <translation>「{t}」は数値ではないので、{v:g} のままにしました。</translation>
    </message>
    <message>
        <source>Probabilities</source>
        <translation>確率</translation>
    </message>
    <message>
        <source>{what} must lie in [{lo:g}, {hi:g}]; {v:g} became {c:g}.</source>
        <translation>{what}は [{lo:g}, {hi:g}] の範囲でなければなりません。{v:g} を {c:g} にしました。</translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Steps per second while playing: from 1 to as fast as the machine goes (max).
Slow speeds let you watch each step; max shows where training goes.</source>
        <translation>再生中の1秒あたりのステップ数：1 から、マシンの最高速度（最大）まで。
遅い速度では1ステップずつ観察でき、最大では学習の行き着く先が分かります。</translation>
    </message>
    <message>
        <source>Stop at step</source>
        <translation>停止ステップ</translation>
    </message>
    <message>
        <source>Play stops exactly at this step (0 = never), so that a class can end on the same picture: the same experiment stopped at the same step gives the same weights and plots on every machine.</source>
        <translation>再生はちょうどこのステップで止まります（0 = 止まらない）。クラス全員が同じ画面で終われます：同じ実験を同じステップで止めれば、どのマシンでも同じ重みと同じグラフになります。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>%1 steps/s</source>
        <translation>%1 ステップ/秒</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>{name}: {value} is not allowed; {allowed}</source>
        <translation>{name}: {value} は使えません。{allowed}</translation>
    </message>
    <message>
        <source>loss: &apos;cross_entropy&apos; is not allowed with output &apos;identity&apos;; cross-entropy takes the log of probabilities, so use output &apos;softmax&apos;, or loss &apos;sum_squared_error&apos;</source>
        <translation>loss: 出力 &apos;identity&apos; では &apos;cross_entropy&apos; は使えません。交差エントロピーは確率の対数をとるので、出力 &apos;softmax&apos; か、損失 &apos;sum_squared_error&apos; を使ってください</translation>
    </message>
    <message>
        <source>use a positive number such as 0.1 (at most 100)</source>
        <translation>0.1 のような正の数を指定してください(最大 100)</translation>
    </message>
    <message>
        <source>use the path of a CSV file, as text</source>
        <translation>CSV ファイルのパスを文字列で指定してください</translation>
    </message>
    <message>
        <source>use the path of a folder, as text</source>
        <translation>フォルダのパスを文字列で指定してください</translation>
    </message>
    <message>
        <source>csv_path: missing; dataset &apos;csv&apos; needs csv_path, the path of your CSV file</source>
        <translation>csv_path がありません。データセット &apos;csv&apos; には csv_path(CSV ファイルのパス)が必要です</translation>
    </message>
    <message>
        <source>features: {dataset} is not 2-D data; features (x1^2, sin(x1), …) need two inputs x1, x2</source>
        <translation>features：{dataset} は 2 次元データではありません。特徴量（x1^2、sin(x1) など）には 2 つの入力 x1、x2 が必要です</translation>
    </message>
    <message>
        <source>task: {dataset} holds values, not classes; use task &apos;regression&apos; (identity output)</source>
        <translation>task：{dataset} はクラスではなく値を持つデータです。task &apos;regression&apos;（恒等関数の出力）を使ってください</translation>
    </message>
    <message>
        <source>task: {dataset} holds classes; regression needs reg_plane, reg_gauss, sine or a CSV file of values</source>
        <translation>task：{dataset} はクラスを持つデータです。回帰には reg_plane、reg_gauss、sine、または値の CSV ファイルが必要です</translation>
    </message>
    <message>
        <source>output: regression fits values, so use output &apos;identity&apos; with loss &apos;sum_squared_error&apos; (softmax gives probabilities of classes)</source>
        <translation>output：回帰は値を当てはめるので、出力 &apos;identity&apos; と損失 &apos;sum_squared_error&apos; を使ってください（softmax はクラスの確率を出します）</translation>
    </message>
    <message>
        <source>a config must be a JSON object {{...}}, not {kind}</source>
        <translation>設定は JSON オブジェクト {{...}} でなければなりません({kind} ではなく)</translation>
    </message>
    <message>
        <source>unknown key {key}; allowed keys: {keys}</source>
        <translation>不明なキー {key} です。使えるキー: {keys}</translation>
    </message>
    <message>
        <source>not valid JSON (line {line}, column {column}: {problem})</source>
        <translation>正しい JSON ではありません({line} 行 {column} 列: {problem})</translation>
    </message>
    <message>
        <source>not an experiment: brackets nested too deeply to read. An experiment is one object {&quot;key&quot;: value, ...} whose values are numbers, text or a list of widths</source>
        <translation>実験ファイルではありません：括弧の入れ子が深すぎて読めません。実験ファイルは 1 つのオブジェクト {&quot;key&quot;: value, ...} で、値は数、文字列、または幅のリストです</translation>
    </message>
    <message>
        <source>a number with {count} digits is too long; use a number such as 100 or 0.1</source>
        <translation>{count} 桁の数は長すぎます。100 や 0.1 のような数を使ってください</translation>
    </message>
    <message>
        <source>{path} is not a regular file; choose an experiment file (.json)</source>
        <translation>{path} は通常のファイルではありません。実験ファイル(.json)を選んでください</translation>
    </message>
    <message>
        <source>{path} is {size} bytes, too large for an experiment file (a few hundred bytes); choose the .json file that nnplay saved</source>
        <translation>{path} は {size} バイトあり、実験ファイル(数百バイト)としては大きすぎます。nnplay が保存した .json ファイルを選んでください</translation>
    </message>
    <message>
        <source>{path}: no such file; check the path</source>
        <translation>{path}: ファイルがありません。パスを確認してください</translation>
    </message>
    <message>
        <source>{path}: {error}</source>
        <translation>{path}: {error}</translation>
    </message>
    <message>
        <source>{path}: permission denied; you may not read this file. Make it readable for your user, or copy it to one of your folders</source>
        <translation>{path}: 権限がありません。このファイルを読む権限がありません。自分のユーザーで読めるようにするか、自分のフォルダーにコピーしてください</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file; choose an experiment file (.json)</source>
        <translation>{path} はファイルではなくフォルダーです。実験ファイル(.json)を選んでください</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({problem}); check the path</source>
        <translation>{path}: 読み込めません({problem})。パスを確認してください</translation>
    </message>
    <message>
        <source>{path}: not a usable file name; check the path</source>
        <translation>{path}: 使えないファイル名です。パスを確認してください</translation>
    </message>
    <message>
        <source>{path}: not UTF-8 text (byte {offset} cannot be read); save the file as UTF-8 text</source>
        <translation>{path}: UTF-8 のテキストではありません({offset} バイト目が読めません)。UTF-8 のテキストとして保存してください</translation>
    </message>
    <message>
        <source>choose one of {choices}</source>
        <translation>{choices} のいずれかを選んでください</translation>
    </message>
    <message>
        <source>use a whole number from {lo} to {hi}</source>
        <translation>{lo} から {hi} までの整数を指定してください</translation>
    </message>
    <message>
        <source>use a number from {lo} to {hi}</source>
        <translation>{lo} から {hi} までの数を指定してください</translation>
    </message>
    <message>
        <source>list the hidden layer widths, e.g. [8, 8] (or [] for none)</source>
        <translation>隠れ層の幅を並べてください。例: [8, 8](隠れ層なしは [])</translation>
    </message>
    <message>
        <source>use at most {n} hidden layers</source>
        <translation>隠れ層は {n} 層までにしてください</translation>
    </message>
    <message>
        <source>each width must be a whole number from 1 to {n}, e.g. [8, 8]</source>
        <translation>各層の幅は 1 から {n} までの整数にしてください。例: [8, 8]</translation>
    </message>
    <message>
        <source>use true or false</source>
        <translation>true か false を使ってください</translation>
    </message>
    <message>
        <source>list features among {names}, e.g. x1^2, x2^2</source>
        <translation>特徴量は {names} から選んでください（例：x1^2, x2^2）</translation>
    </message>
    <message>
        <source>choose xavier, he, zero or a positive number (a std such as 0.01)</source>
        <translation>xavier、he、zero、または正の数(0.01 のような標準偏差)を選んでください</translation>
    </message>
    <message>
        <source>comma</source>
        <extracomment>Header names (case-insensitive) that mark the label column of a CSV file, in order of preference.</extracomment>
        <translation>カンマ</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>セミコロン</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>Unknown data set {name}. Choose one of: {choices}.</source>
        <translation>データセット {name} はありません。次から選んでください: {choices}。</translation>
    </message>
    <message>
        <source>noise must be &gt;= 0 (it is a standard deviation), got {noise}. Use 0 for none.</source>
        <translation>noise は 0 以上にしてください(標準偏差です)。指定値: {noise}。ノイズなしは 0 です。</translation>
    </message>
    <message>
        <source>test_ratio must be between 0 and {top} (the held-out fraction), got {value}.</source>
        <translation>test_ratio(テスト用に取り分ける割合)は 0 から {top} の間にしてください。指定値: {value}。</translation>
    </message>
    <message>
        <source>The &apos;csv&apos; data set needs a file: pass csv_path (the path of a .csv file).</source>
        <translation>データセット &apos;csv&apos; にはファイルが必要です。csv_path(.csv ファイルのパス)を指定してください。</translation>
    </message>
    <message>
        <source>samples must be a whole number, got {value}.</source>
        <translation>samples は整数にしてください。指定値: {value}。</translation>
    </message>
    <message>
        <source>at least one per class</source>
        <translation>クラスごとに少なくとも 1 つ</translation>
    </message>
    <message>
        <source>at least two rows</source>
        <translation>少なくとも 2 行</translation>
    </message>
    <message>
        <source>samples must be at least {minimum} for {name} ({why}), got {value}.</source>
        <translation>{name} の samples は {minimum} 以上にしてください({why})。指定値: {value}。</translation>
    </message>
    <message>
        <source>{what} must be a number, got {value}.</source>
        <translation>{what} は数にしてください。指定値: {value}。</translation>
    </message>
    <message>
        <source>{what} must be a finite number, got {value}.</source>
        <translation>{what} は有限の数にしてください。指定値: {value}。</translation>
    </message>
    <message>
        <source>{name} holds values to fit, not classes: use it with task &apos;regression&apos; (identity output).</source>
        <translation>{name} はクラスではなく当てはめる値を持つデータです。task &apos;regression&apos;（恒等関数の出力）で使ってください。</translation>
    </message>
    <message>
        <source>{name} holds classes, not values: regression needs reg_plane, reg_gauss, sine or a CSV file with a numeric label column.</source>
        <translation>{name} は値ではなくクラスを持つデータです。回帰には reg_plane、reg_gauss、sine、またはラベル列が数値の CSV ファイルが必要です。</translation>
    </message>
    <message>
        <source>Cannot read the bundled digits file {path} ({problem}). Reinstall nnplay to restore it.</source>
        <translation>同梱の手書き数字ファイル {path} を読み込めません({problem})。nnplay を再インストールして元に戻してください。</translation>
    </message>
    <message>
        <source>The bundled digits file {path} has shape {shape}, expected {expected}. Reinstall nnplay to restore it.</source>
        <translation>同梱の手書き数字ファイル {path} の形が {shape} です({expected} のはずです)。nnplay を再インストールして元に戻してください。</translation>
    </message>
    <message>
        <source>{file} has {count} lines; nnplay reads CSV files of up to {limit} lines. Keep a sample of the rows (nnplay trains on at most {rows} anyway).</source>
        <translation>{file} は {count} 行あります。nnplay が読める CSV ファイルは {limit} 行までです。行の一部を抜き出してください(nnplay が訓練に使うのはいずれにしても最大 {rows} 行です)。</translation>
    </message>
    <message>
        <source>{file} is empty (no data lines). Put one sample per line: feature values, then the label, e.g. &apos;0.5,1.2,cat&apos;.</source>
        <translation>{file} は空です(データ行がありません)。1 行に 1 サンプルずつ、特徴量の値、最後にラベルを書いてください。例: &apos;0.5,1.2,cat&apos;。</translation>
    </message>
    <message>
        <source>{file} line {line}: only 1 column found. A data set needs at least one feature column and a label column, separated by commas (or semicolons or tabs).</source>
        <translation>{file} {line} 行目: 列が 1 つしかありません。データセットには特徴量の列が少なくとも 1 つとラベルの列が必要で、カンマ(またはセミコロンかタブ)で区切ります。</translation>
    </message>
    <message>
        <source>{file} line {line}: {count} feature columns; nnplay takes at most {limit}. Keep fewer columns (or check the separator).</source>
        <translation>{file} {line} 行目: 特徴量の列が {count} 列あります。nnplay が扱えるのは {limit} 列までです。列を減らしてください(または区切り文字を確認してください)。</translation>
    </message>
    <message>
        <source>{file} line {line}: {count} columns, but line {first} has {expected}. Every row needs the same number of {separator}-separated values; look for a missing or extra {separator}.</source>
        <translation>{file} {line} 行目: 列が {count} 個ありますが、{first} 行目は {expected} 個です。どの行も{separator}区切りの値の数をそろえてください。{separator}の抜けや余分を探してください。</translation>
    </message>
    <message>
        <source>{file} has only a header row (line {line}) and no data. Add one line per sample below it.</source>
        <translation>{file} には見出し行({line} 行目)しかなく、データがありません。その下に 1 サンプル 1 行で追加してください。</translation>
    </message>
    <message>
        <source>{file} has only {count} data row; a data set needs at least 2 rows (more to train well).</source>
        <translation>{file} のデータは {count} 行だけです。データセットには少なくとも 2 行必要です(よく学習するにはもっと)。</translation>
    </message>
    <message>
        <source>{file}: the label column ({column}) holds {count} different values; nnplay tells apart at most {limit} classes. Check that the label column is the right one: it names a class, it is not a measurement.</source>
        <translation>{file}: ラベルの列({column})に {count} 種類の値があります。nnplay が見分けられるのは {limit} クラスまでです。ラベルの列が正しいか確認してください：ラベルはクラスの名前で、測定値ではありません。</translation>
    </message>
    <message>
        <source>{file} line {line}, column {column}: the label is empty. Give every row a label (or delete the row).</source>
        <translation>{file} {line} 行目 {column} 列目: ラベルが空です。すべての行にラベルを付けてください(またはその行を削除してください)。</translation>
    </message>
    <message>
        <source>{file}: every row has the label {label} ({column}), but classification needs at least 2 classes. Check that the label column is the right one and holds different classes.</source>
        <translation>{file}: すべての行のラベルが {label}({column})ですが、分類には少なくとも 2 クラス必要です。ラベルの列が正しいか、異なるクラスが入っているかを確認してください。</translation>
    </message>
    <message>
        <source>{file}: the label {label} is not a number, but regression fits numbers. Use task &apos;classification&apos; for labels that are names.</source>
        <translation>{file}：ラベル {label} は数値ではありませんが、回帰は数値を当てはめます。名前のラベルには task &apos;classification&apos; を使ってください。</translation>
    </message>
    <message>
        <source>CSV file not found: {path}. Check the path (or choose the file again).</source>
        <translation>CSV ファイルが見つかりません: {path}。パスを確認してください(またはファイルを選び直してください)。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file. Choose a .csv file instead.</source>
        <translation>{path} はファイルではなくフォルダです。.csv ファイルを選んでください。</translation>
    </message>
    <message>
        <source>{path} is not a regular file. Choose a .csv file instead.</source>
        <translation>{path} は通常のファイルではありません。.csv ファイルを選んでください。</translation>
    </message>
    <message>
        <source>{path} is {size} MB; nnplay reads CSV files of up to {limit} MB. Keep a sample of the rows (nnplay trains on at most {rows} anyway).</source>
        <translation>{path} は {size} MB あります。nnplay が読める CSV ファイルは {limit} MB までです。行の一部を抜き出してください(nnplay が訓練に使うのはいずれにしても最大 {rows} 行です)。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {problem}. Check that the file exists and that you may read it.</source>
        <translation>{path} を読み込めません: {problem}。ファイルがあり、読み取りの権限があるか確認してください。</translation>
    </message>
    <message>
        <source>{path} is not a usable file name. Check the path (or choose the file again).</source>
        <translation>{path} は使えないファイル名です。パスを確認してください(またはファイルを選び直してください)。</translation>
    </message>
    <message>
        <source>{file} line {line}: the file is not UTF-8 text. Save it as &apos;CSV UTF-8&apos; (most spreadsheet programs offer this under &apos;Save as&apos;).</source>
        <translation>{file} {line} 行目: ファイルが UTF-8 のテキストではありません。「CSV UTF-8」形式で保存してください(多くの表計算ソフトでは「名前を付けて保存」にあります)。</translation>
    </message>
    <message>
        <source>{file} line {line}: the file contains binary data, not text. Export it as a plain CSV file (UTF-8).</source>
        <translation>{file} {line} 行目: テキストではなくバイナリのデータが含まれています。普通の CSV ファイル(UTF-8)として書き出してください。</translation>
    </message>
    <message>
        <source>{file} line {line}: a cell is longer than {limit} characters. A cell holds one number or one label; check the separator and the quotes (&quot;) of that line.</source>
        <translation>{file} {line} 行目: {limit} 文字より長いセルがあります。セルには数 1 つかラベル 1 つが入ります。その行の区切り文字と引用符(&quot;)を確認してください。</translation>
    </message>
    <message>
        <source>{file} line {line}, {column}</source>
        <translation>{file} {line} 行目、{column}</translation>
    </message>
    <message>
        <source>{where}: the value is empty. Fill in every feature value (or delete the row).</source>
        <translation>{where}: 値が空です。特徴量の値をすべて埋めてください(またはその行を削除してください)。</translation>
    </message>
    <message>
        <source>{where}: {value} is not a number. Feature columns must be numeric; only the label column ({label}) may hold text. Use &apos;.&apos; as the decimal point, not &apos;,&apos;.</source>
        <translation>{where}: {value} は数ではありません。特徴量の列は数値でなければならず、文字を入れてよいのはラベルの列({label})だけです。小数点には &apos;,&apos; ではなく &apos;.&apos; を使ってください。</translation>
    </message>
    <message>
        <source>{where}: {value} is not a number. Feature columns must be numeric; only the label column ({label}) may hold text.</source>
        <translation>{where}: {value} は数ではありません。特徴量の列は数値でなければならず、文字を入れてよいのはラベルの列({label})だけです。</translation>
    </message>
    <message>
        <source>{where}: {value} is not a finite number. Missing or infinite values are not allowed: fill them in or delete the row.</source>
        <translation>{where}: {value} は有限の数ではありません。欠損値や無限大は使えません。値を埋めるか、その行を削除してください。</translation>
    </message>
    <message>
        <source>column {n} &apos;{name}&apos;</source>
        <translation>{n} 列目 &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>column {n}</source>
        <translation>{n} 列目</translation>
    </message>
    <message>
        <source>Training stopped at step {step}: {cause}. The learning rate {rate} is probably too large; try {smaller} or smaller.</source>
        <translation>ステップ {step} で学習が止まりました: {cause}。学習率 {rate} が大きすぎるようです。{smaller} 以下を試してください。</translation>
    </message>
    <message>
        <source>Features (x1^2, sin(x1), …) need 2-D data, but this data set has {d} inputs: set the inputs back to x1, x2 first.</source>
        <translation>特徴量（x1^2、sin(x1) など）には2次元のデータが必要ですが、このデータセットの入力は {d} 個です。先に入力を x1、x2 に戻してください。</translation>
    </message>
    <message>
        <source>The data set is for {data_task}, but the experiment&apos;s task is {task}.</source>
        <translation>データセットは {data_task} 用ですが、実験のタスクは {task} です。</translation>
    </message>
    <message>
        <source>the loss became {value}</source>
        <translation>損失が {value} になりました</translation>
    </message>
    <message>
        <source>a gradient overflowed (became infinite or NaN)</source>
        <translation>勾配があふれました(無限大か NaN になりました)</translation>
    </message>
    <message>
        <source>the weights grew too large to represent</source>
        <translation>重みが大きくなりすぎて表せなくなりました</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>Tシャツ/トップ</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>ズボン</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>プルオーバー</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>ドレス</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>コート</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>サンダル</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>シャツ</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>スニーカー</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>バッグ</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>アンクルブーツ</translation>
    </message>
    <message>
        <source>{title} is not in {folder} (missing: {files}). Download it (nnplay data fetch {key}), or choose the folder that holds its four files (for MNIST, the book&apos;s dataset/ folder).</source>
        <translation>{title} が {folder} にありません（不足：{files}）。ダウンロードする（nnplay data fetch {key}）か、4 つのファイルがあるフォルダ（MNIST なら本書の dataset/ フォルダ）を選んでください。</translation>
    </message>
    <message>
        <source>File not found: {path}.</source>
        <translation>ファイルが見つかりません: {path}。</translation>
    </message>
    <message>
        <source>{path} is a folder, not an IDX file.</source>
        <translation>{path} はフォルダで、IDX ファイルではありません。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {problem}.</source>
        <translation>{path} を読み込めません: {problem}。</translation>
    </message>
    <message>
        <source>{file} is not an IDX file of bytes: it starts with {start}, but MNIST&apos;s files start with 00 00 08 01 (labels) or 00 00 08 03 (images).</source>
        <translation>{file} はバイト値の IDX ファイルではありません。先頭が {start} ですが、MNIST のファイルは 00 00 08 01（ラベル）か 00 00 08 03（画像）で始まります。</translation>
    </message>
    <message>
        <source>nothing (it is empty)</source>
        <translation>何もない状態（空のファイル）</translation>
    </message>
    <message>
        <source>{file} is cut short inside its header. Get the file again.</source>
        <translation>{file} はヘッダーの途中で切れています。ファイルを取得し直してください。</translation>
    </message>
    <message>
        <source>{file} declares an array of {shape} bytes, far more than MNIST holds; it is damaged.</source>
        <translation>{file} は {shape} バイトの配列だと宣言していますが、MNIST の大きさをはるかに超えています。ファイルが壊れています。</translation>
    </message>
    <message>
        <source>{file} is cut short: it declares {expected} bytes of data but holds {actual}. Get the file again (a download that stopped half-way leaves such a file).</source>
        <translation>{file} は途中で切れています。データは {expected} バイトと宣言されていますが、{actual} バイトしかありません。ファイルを取得し直してください（途中で止まったダウンロードでこうなります）。</translation>
    </message>
    <message>
        <source>{file} goes on after the {shape} bytes it declares; it is not a valid IDX file.</source>
        <translation>{file} には宣言された {shape} バイトの後にも続きがあります。正しい IDX ファイルではありません。</translation>
    </message>
    <message>
        <source>{file} is damaged ({problem}). Get the file again.</source>
        <translation>{file} は壊れています（{problem}）。ファイルを取得し直してください。</translation>
    </message>
    <message>
        <source>{file} holds a {ndim}-dimensional array, not images (3 dimensions: count × rows × columns).</source>
        <translation>{file} は {ndim} 次元の配列で、画像（枚数 × 行 × 列の 3 次元）ではありません。</translation>
    </message>
    <message>
        <source>{file} holds images of {h}×{w} pixels; {title} has 28×28.</source>
        <translation>{file} の画像は {h}×{w} ピクセルですが、{title} は 28×28 です。</translation>
    </message>
    <message>
        <source>{file} holds a {ndim}-dimensional array, not labels (1 dimension).</source>
        <translation>{file} は {ndim} 次元の配列で、ラベル（1 次元）ではありません。</translation>
    </message>
    <message>
        <source>{images} holds {n} images but {labels} holds {m} labels; they do not belong together.</source>
        <translation>{images} には画像が {n} 枚ありますが、{labels} のラベルは {m} 個です。組になるファイルではありません。</translation>
    </message>
    <message>
        <source>{file} holds no images.</source>
        <translation>{file} には画像がありません。</translation>
    </message>
    <message>
        <source>{file} holds the label {value}; {title}&apos;s labels are 0 to 9.</source>
        <translation>{file} にラベル {value} がありますが、{title} のラベルは 0〜9 です。</translation>
    </message>
    <message>
        <source>{url} answered {status}</source>
        <translation>{url} の応答が {status} でした</translation>
    </message>
    <message>
        <source>{url}: {problem}</source>
        <translation>{url}: {problem}</translation>
    </message>
    <message>
        <source>the file from {url} does not match its known SHA-256 checksum (corrupted on the way or changed on the server); it was deleted</source>
        <translation>{url} から受け取ったファイルが既知の SHA-256 チェックサムと一致しません（転送中に壊れたか、サーバー上で変わっています）。ファイルは削除しました</translation>
    </message>
    <message>
        <source>Cannot write {file} into {folder}: {problem}.</source>
        <translation>{file} を {folder} に書き込めません: {problem}。</translation>
    </message>
    <message>
        <source>Cannot download {title}: no connection to {host}. Are you offline? Connect to the internet and try again, or copy the four files into {folder}.</source>
        <translation>{title} をダウンロードできません。{host} に接続できません。オフラインではありませんか？ インターネットに接続してもう一度試すか、4 つのファイルを {folder} にコピーしてください。</translation>
    </message>
    <message>
        <source>Cannot download {file}: {problem}. Try again later, or copy the four files into {folder}.</source>
        <translation>{file} をダウンロードできません: {problem}。しばらくしてからもう一度試すか、4 つのファイルを {folder} にコピーしてください。</translation>
    </message>
    <message>
        <source>Rows were merged by the history bound: each row stands for {stride} consecutive steps (their mean, at the last of them); the history keeps at most {capacity} rows.</source>
        <translation>履歴の上限のため行がまとめられています：1行は連続する {stride} ステップを表します（その平均を、最後のステップの位置に記録）。履歴に残るのは最大 {capacity} 行です。</translation>
    </message>
    <message>
        <source>Rows were merged by the history bound: each row stands for {stride} consecutive steps and each evaluation for {eval_stride} consecutive evaluations (their mean, at the last of them); the history keeps at most {capacity} rows.</source>
        <translation>履歴の上限のため行がまとめられています：1行は連続する {stride} ステップを、評価の1行は連続する {eval_stride} 回の評価を表します（その平均を、最後の位置に記録）。履歴に残るのは最大 {capacity} 行です。</translation>
    </message>
</context>
</TS>
