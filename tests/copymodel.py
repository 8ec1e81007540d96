"""Build a genuine Argos Translate package whose model copies its input ("copy model").

The test suite and the benchmarks need a real ``.argosmodel`` — a CTranslate2 model plus a
SentencePiece model, installed by argostranslate's own installer and run through its own
translation code — but real models cannot be downloaded in CI, and their output is not
predictable. This module builds one in about a second, without torch or downloads, whose
translation of ``x`` is ``x`` (modulo SentencePiece normalisation: NFKC, collapsed
whitespace). That makes exact plumbing assertions possible: order, completeness, protected
spans surviving the engine.

How the copy works (recipe from ``../shared/research/engines-facts.md``): a one-layer
Transformer, every block zero except the decoder's cross-attention. Model dimensions are
split into position dims and code dims. Position encodings (given explicitly) live in the
position dims: zero-mean sinusoids, so the query of decoder step ``p`` matches the key of
source position ``p`` and nothing else. Token embeddings live in the code dims: random unit
vectors with zero-mean rows (LayerNorm subtracts the mean of the whole vector; zero-mean
parts keep position and code independent). Cross-attention copies the attended code; the
output projection is the code matrix, so the argmax is the source token at position ``p``.
``add_source_eos`` appends ``</s>`` to the source, so copying it ends decoding.

Plain module (no pytest): ``build_copy_model(dest_dir)`` returns the ``.argosmodel`` path.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PACKAGE_NAME = "translate-ru_en-copy"
PACKAGE_VERSION = "0.0+copy"  # PEP 440 local version: sorts below every real release

_MAX_POSITIONS = 1024
_SEED = 20250101


@dataclass(frozen=True)
class CopyModelSize:
    """Dimensions of a copy model. The first ``4 * position_pairs`` model dimensions hold
    position encodings, the rest token codes; every layer but one is a zero (identity)
    block, which CTranslate2 computes as densely as trained weights, so a copy model of a
    real model's dimensions costs what that model costs per decoded token."""

    d_model: int = 128
    heads: int = 1
    ffn: int = 8
    layers: tuple[int, int] = (1, 1)  # encoder, decoder
    vocab_size: int = 1000  # SentencePiece target; the model vocabulary is padded up to it
    sp_model_type: str = "unigram"
    position_pairs: int = 16  # sinusoid frequencies; position dims = 4 * pairs (zero-mean layout)
    quantization: str | None = None  # as saved in model.bin (Argos's real packages: int8)
    #: Std of the random weights that replace zeros in the identity blocks. CTranslate2
    #: stores equal tensors once, so zero blocks would share memory and sit in cache; small
    #: distinct weights give the real model's memory traffic and barely touch the copy.
    noise: float = 0.0

    @property
    def position_dims(self) -> int:
        return 4 * self.position_pairs

    @property
    def code_dims(self) -> int:
        return self.d_model - self.position_dims

    @property
    def head_dim(self) -> int:
        return self.d_model // self.heads


#: The test suite's model: one layer each side, d_model 128, about 1,000 pieces (0.8 MB).
TINY = CopyModelSize()

#: The size of Argos's ru→en package (OpenNMT-py Transformer-base, int8): d_model 512,
#: 8 heads, FFN 2048, 6 + 6 layers, ~32k SentencePiece vocabulary (BPE: on a small local
#: text a unigram model stops far below 32k pieces).
TRANSFORMER_BASE = CopyModelSize(
    d_model=512, heads=8, ffn=2048, layers=(6, 6), vocab_size=32000, sp_model_type="bpe",
    quantization="int8", noise=1e-3,
)


#: Training text for the SentencePiece model, written for this file (not copied from any
#: release). The alphabet lines make every letter, digit and punctuation mark a piece.
TRAIN_TEXT = """\
Губернатор области провёл рабочее совещание с руководителями районов.
На встрече обсудили подготовку к отопительному сезону и ремонт школ.
Министерство иностранных дел сообщило о визите делегации в столицу.
В ходе переговоров стороны подписали соглашение о сотрудничестве.
Товарооборот между регионами за девять месяцев вырос на 12 процентов.
Председатель комитета отметил, что работа будет продолжена в следующем году.
Новый завод начнёт выпускать продукцию уже в третьем квартале.
Жители города смогут подать заявки на участие в конкурсе до 15 мая.
Пресс-служба администрации сообщает об изменениях в графике приёма граждан.
Выставка откроется в понедельник в центральном выставочном зале.
Делегация посетила предприятия машиностроения и сельского хозяйства.
По словам министра, экспорт продовольствия увеличился почти вдвое.
Участники форума обсудили вопросы образования, науки и культуры.
В рамках визита состоится встреча с представителями деловых кругов.
Проект реализуется при поддержке областного бюджета и частных инвесторов.
Заседание межправительственной комиссии пройдёт в конце октября.
Глава района вручил награды лучшим работникам отрасли.
Открытие нового моста запланировано на декабрь текущего года.
Студенты университета приняли участие в международной олимпиаде.
Строительство жилого дома завершится раньше намеченного срока.
Врачи областной больницы провели более тысячи сложных операций.
Фестиваль народного творчества собрал гостей из разных стран.
Сотрудничество в сфере туризма стало одним из главных направлений.
Решение было принято единогласно на заседании совета депутатов.
Интерес к совместным проектам проявили компании из соседних государств.
Соглашение предусматривает обмен опытом и подготовку специалистов.
Отдельное внимание уделили развитию транспортной инфраструктуры.
Мероприятие прошло при участии ветеранов, школьников и волонтёров.
Ёлка на главной площади будет установлена к двадцатому декабря.
Объём инвестиций в экономику региона превысил пять миллиардов рублей.
Чрезвычайная ситуация была ликвидирована в течение нескольких часов.
Щедрый урожай зерновых позволил пополнить государственные резервы.
Эксперты высоко оценили качество подготовки юных спортсменов.
Юбилейный концерт состоится в филармонии в субботу вечером.
Шахматный турнир объединил участников из двадцати городов.
Цены на основные продукты питания остаются стабильными.
Хорошие результаты показали предприятия лёгкой промышленности.
Фермеры получили субсидии на приобретение новой техники.
Уровень безработицы снизился до минимального значения за десять лет.
«Мы готовы к дальнейшему расширению связей», — подчеркнул посол.
Встреча прошла в конструктивной и дружественной атмосфере.
Программа визита включает посещение музеев и памятных мест.
Все подробности опубликованы на сайте министерства в разделе новостей.
Президент принял участие в торжественной церемонии открытия предприятия.
Правительство утвердило план мероприятий по поддержке малого бизнеса.
Ведомство напоминает о необходимости своевременно продлевать документы.
Посольство организовало приём по случаю национального праздника.
Представители министерства здравоохранения рассказали о вакцинации.
Количество туристов, посетивших заповедник, увеличилось в полтора раза.
Стороны договорились активизировать взаимодействие в энергетике.
Металлургический комбинат модернизировал две производственные линии.
Аграрии завершили уборку сахарной свёклы и приступили к вспашке полей.
Библиотека пополнилась редкими изданиями и старинными рукописями.
Губернатор поблагодарил строителей за качественную и быструю работу.
Ключевой темой обсуждения стала цифровая трансформация промышленности.
Обучение специалистов проводится на базе технического колледжа.
Железнодорожное сообщение между городами будет восстановлено весной.
Благотворительная акция помогла собрать средства для детского дома.
Мэр города ответил на вопросы журналистов во время пресс-конференции.
Таможенные органы упростили процедуру оформления грузов.
Научные сотрудники института представили результаты исследований.
Автомобильная дорога была реконструирована на протяжении сорока километров.
Спортсмены завоевали золотые, серебряные и бронзовые медали чемпионата.
Начальник управления проинформировал о ходе выполнения поручений.
Экологи призвали бережно относиться к лесам, рекам и озёрам.
Совместное предприятие будет производить оборудование для фермеров.
Открылась онлайн-регистрация на участие в молодёжном фестивале.
Налоговые поступления в местный бюджет превысили прогнозные показатели.
Артисты театра подготовили новую постановку по мотивам классической пьесы.
Правоохранительные органы усилили контроль за соблюдением порядка.
Специалисты энергосистемы устранили последствия сильного ветра.
Заместитель премьер-министра провёл выездное совещание в агрогородке.
Предложения граждан будут учтены при разработке генерального плана.
Вице-губернатор подчеркнул важность взаимовыгодных экономических связей.
Памятник был торжественно открыт в присутствии ветеранов и молодёжи.
Областной центр занятости предлагает свыше трёхсот вакансий.
Переговоры на высшем уровне завершились подписанием совместного заявления.
Первый этап модернизации аэропорта планируется завершить к лету.
Участники семинара изучили передовой опыт зарубежных коллег.
Власти приняли меры для стабилизации ситуации на потребительском рынке.
Делегаты конгресса избрали новое руководство общественного объединения.
Дальнейшее развитие отношений отвечает интересам обоих народов.
Кооперационные поставки комплектующих выросли на четверть.
Жилищное строительство ведётся с применением энергосберегающих технологий.
Сельскохозяйственная выставка продемонстрировала достижения селекционеров.
Выпускники получили дипломы из рук ректора университета.
Комиссия осмотрела школы района перед началом занятий в сентябре.
Иностранные партнёры выразили заинтересованность в поставках молока и мяса.
Региональная программа предусматривает газификацию небольших деревень.
Реставраторы вернули первоначальный облик старинному костёлу и замку.
Компания объявила о запуске производства электробусов и троллейбусов.
Собравшиеся почтили память погибших минутой молчания.
Чемпионат по лёгкой атлетике пройдёт на обновлённом стадионе.
Ежегодный отчёт был представлен депутатам и общественности.
Отечественные производители расширяют присутствие на рынках Азии и Африки.
Перспективы сотрудничества обсуждались на пленарном заседании.
Хозяйства района полностью обеспечены семенами и удобрениями.
Пожарные спасатели провели показательные учения на нефтебазе.
Генеральный директор холдинга рассказал о планах на пятилетку.
Подписанный меморандум открывает новые возможности для экспортёров.
Юристы разъяснили порядок получения социальных выплат и льгот.
Врачи рекомендуют пройти профилактический осмотр до конца сентября.
Посетители ярмарки смогут приобрести мёд, сыр, хлеб и овощи.
Сборная команда области заняла третье место в общекомандном зачёте.
Экскурсионные маршруты охватывают исторические усадьбы и парки.
Трудовые коллективы поддержали инициативу по благоустройству дворов.
Член парламента провёл личный приём избирателей в районном центре.
В торжественном собрании приняли участие почётные граждане города.
АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя
ІЎЄЇ іўєї
ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz
0123456789 0 1 2 3 4 5 6 7 8 9 10 20 100 2025 15,5 3.14
. , ; : ! ? - – — … « » „ “ ” " ' ( ) [ ] { } / \\ % № § + = * & @ # $ € ₽ < > | ~ ^ _ `
"""


def _train_sentencepiece(text: str, model_prefix: Path, size: CopyModelSize) -> Path:
    import sentencepiece as spm

    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(text.splitlines()),
        model_prefix=str(model_prefix),
        model_type=size.sp_model_type,
        vocab_size=size.vocab_size,
        hard_vocab_limit=False,  # small text: take what it yields (padded up in the model)
        character_coverage=1.0,  # every character of the text is a piece
        minloglevel=2,
    )
    return model_prefix.with_suffix(".model")


def _position_encodings(dims_pairs: int, rng: np.random.Generator) -> tuple[np.ndarray, float]:
    """Zero-mean sinusoids [cos, sin, -cos, -sin] and the worst off-peak similarity margin."""
    freqs = rng.uniform(0.02, np.pi, dims_pairs)
    angles = np.outer(np.arange(_MAX_POSITIONS), freqs)
    pe = np.concatenate([np.cos(angles), np.sin(angles), -np.cos(angles), -np.sin(angles)], axis=1)
    # pe_p . pe_q = 2 * sum(cos(w * (p - q))): largest at p == q.
    deltas = np.arange(1, _MAX_POSITIONS)
    off_peak = np.cos(np.outer(deltas, freqs)).sum(axis=1).max()
    return pe.astype(np.float32), float(dims_pairs - off_peak)


def _codes(vocab_size: int, dims: int, rng: np.random.Generator) -> tuple[np.ndarray, float]:
    """Random unit token codes with zero-mean rows (LayerNorm-neutral), and the smallest
    gap ``1 - max cos`` between two codes (a safe bound where the exact one is too costly:
    a 32k vocabulary would need a 32k × 32k product)."""
    codes = rng.standard_normal((vocab_size, dims))
    codes -= codes.mean(axis=1, keepdims=True)
    codes /= np.linalg.norm(codes, axis=1, keepdims=True)
    if vocab_size <= 4096:
        cross = codes @ codes.T
        np.fill_diagonal(cross, -1.0)
        return codes, float(1.0 - cross.max())
    # cos of two random unit vectors in `dims` dimensions has std 1/sqrt(dims); 8 std is
    # never reached by any of ~5e8 pairs (p < 1e-6 overall). A smaller gap only raises beta.
    return codes, 1.0 - min(0.9, 8.0 / np.sqrt(dims))


def _import_specs():
    """ctranslate2.specs without torch: it imports torch only for bfloat16/tensor inputs
    (1 s and 300 MB); numpy weights need none of it."""
    import sys

    hide = "torch" not in sys.modules and "ctranslate2.specs" not in sys.modules
    if hide:
        sys.modules["torch"] = None  # type: ignore[assignment]  # import torch -> ImportError
    try:
        from ctranslate2.converters import converter
        from ctranslate2.specs import transformer_spec
    finally:
        if hide and sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return transformer_spec, converter


def _copy_spec(vocab: list[str], size: CopyModelSize = TINY):
    """A CTranslate2 TransformerSpec of ``size`` that copies its source.

    Every block is zero (the residual passes through) except the last decoder layer's
    cross-attention. Its heads each see the position dims in their query/key slice (so all
    attend to source position p at step p) and carry ``head_dim`` of the code dims in
    their value slice; the output projection puts the codes back in the code dims.
    """
    transformer_spec, _ = _import_specs()

    n_pos, n_code, d, hd = size.position_dims, size.code_dims, size.d_model, size.head_dim
    if d % size.heads or n_pos > hd or n_code <= 0:
        raise ValueError(f"{size}: need d_model divisible by heads and 4 * position_pairs <= head_dim")
    rng = np.random.default_rng(_SEED)
    pe_pos, margin = _position_encodings(size.position_pairs, rng)
    v = len(vocab)
    codes, gap = _codes(v, n_code, rng)

    spec = transformer_spec.TransformerSpec.from_config(size.layers, num_heads=size.heads)
    spec.config.add_source_eos = True  # the copied </s> ends decoding
    enc, dec = spec.encoder, spec.decoder
    pe = np.zeros((_MAX_POSITIONS, d), np.float32)
    pe[:, :n_pos] = pe_pos
    for side in (enc, dec):
        side.scale_embeddings = False
        side.position_encodings.encodings = pe
        side.layer_norm.gamma = np.ones(d, np.float32)
        side.layer_norm.beta = np.zeros(d, np.float32)
    emb = np.zeros((v, d), np.float32)
    emb[:, n_pos:] = codes
    enc.embeddings[0].weight = emb
    dec.embeddings.weight = np.zeros((v, d), np.float32)  # decoder input must not matter

    def zeros(rows: int, cols: int) -> np.ndarray:
        if not size.noise:
            return np.zeros((rows, cols), np.float32)
        return (rng.standard_normal((rows, cols)) * size.noise).astype(np.float32)

    def zero_block(layer, attention_names: tuple[str, ...]) -> None:
        for name in attention_names:
            attention = getattr(layer, name)
            attention.layer_norm.gamma = np.ones(d, np.float32)
            attention.layer_norm.beta = np.zeros(d, np.float32)
            for i, linear in enumerate(attention.linear):
                rows = 3 * d if (name == "self_attention" and i == 0) else 2 * d if i == 1 else d
                linear.weight = zeros(rows, d)
        layer.ffn.layer_norm.gamma = np.ones(d, np.float32)
        layer.ffn.layer_norm.beta = np.zeros(d, np.float32)
        layer.ffn.linear_0.weight = zeros(size.ffn, d)
        layer.ffn.linear_1.weight = zeros(d, size.ffn)

    for layer in enc.layer:
        zero_block(layer, ("self_attention",))
    for layer in dec.layer:
        zero_block(layer, ("self_attention", "attention"))

    layer = dec.layer[-1]
    # Encoder output is LayerNorm([pe | code]) = [pe | code] / sigma_e (both parts zero-mean,
    # fixed norms); the decoder query side sees [pe | 0] / sigma_d.
    pe_sq = 2.0 * size.position_pairs
    sigma_e = np.sqrt((pe_sq + 1.0) / d)
    sigma_d = np.sqrt(pe_sq / d)
    # score(p, q) = lam * sum(cos(w (p - q))) after CTranslate2's 1/sqrt(head_dim) query
    # scaling; the correct position then wins by at least 40 nats.
    lam = 40.0 / margin
    query = np.zeros((d, d), np.float32)
    key_value = np.zeros((2 * d, d), np.float32)
    out = np.zeros((d, d), np.float32)
    for head in range(-(-n_code // hd)):  # heads that carry code dims
        rows = slice(head * hd, head * hd + n_pos)
        query[rows, :n_pos] = np.eye(n_pos) * (lam * sigma_d * sigma_e * np.sqrt(hd) / 2.0)
        key_value[rows, :n_pos] = np.eye(n_pos)  # keys: position dims
    key_value[d : d + n_code, n_pos:] = np.eye(n_code)  # values: code dims, head by head
    out[n_pos:, :n_code] = np.eye(n_code)  # back into the code dims
    layer.attention.linear[0].weight = query
    layer.attention.linear[1].weight = key_value
    layer.attention.linear[2].weight = out
    # Final state [pe | code / sigma_e]; the projection scores it against every code.
    sigma_z = np.sqrt((pe_sq + 1.0 / sigma_e**2) / d)
    beta = 40.0 * sigma_e * sigma_z / gap
    projection = np.zeros((v, d), np.float32)
    projection[:, n_pos:] = codes * beta
    dec.projection.weight = projection
    dec.projection.bias = np.zeros(v, np.float32)

    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    return spec


def _save_ctranslate2(spec, output_dir: Path, quantization: str | None = None) -> None:
    _, converter = _import_specs()

    class _SpecConverter(converter.Converter):
        """Minimal converter: the model spec is already built."""

        def _load(self):
            return spec

    _SpecConverter().convert(str(output_dir), quantization=quantization, force=True)


def build_copy_model(dest_dir: Path, train_text: str | None = None, size: CopyModelSize = TINY) -> Path:
    """Build ``translate-ru_en-copy.argosmodel`` in ``dest_dir`` and return its path.

    ``train_text`` replaces the built-in SentencePiece training text (its characters are
    the ones the model copies without falling back to ``<unk>`` replacement); ``size``
    sets the dimensions (:data:`TINY` for tests, :data:`TRANSFORMER_BASE` for benchmarks).
    """
    import sentencepiece as spm

    dest_dir = Path(dest_dir)
    package_dir = dest_dir / "build" / PACKAGE_NAME
    package_dir.mkdir(parents=True, exist_ok=True)
    sp_path = _train_sentencepiece(train_text or TRAIN_TEXT, package_dir / "sentencepiece", size)
    package_dir.joinpath("sentencepiece.vocab").unlink(missing_ok=True)
    processor = spm.SentencePieceProcessor(model_file=str(sp_path))
    vocab = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    # Pad the model vocabulary to the target size with pieces SentencePiece never emits,
    # so the output projection and softmax are as wide as the real model's.
    vocab += [f"<copy-pad-{i}>" for i in range(size.vocab_size - len(vocab))]
    _save_ctranslate2(_copy_spec(vocab, size), package_dir / "model", size.quantization)
    metadata = {
        "package_version": PACKAGE_VERSION,
        "argos_version": "1.9",
        "from_code": "ru",
        "from_name": "Russian",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "links": [],
    }
    package_dir.joinpath("metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    package_dir.joinpath("README.md").write_text(
        "Test model built by translator-flow's tests/copymodel.py: it copies its input.\n",
        encoding="utf-8",
    )
    out = dest_dir / f"{PACKAGE_NAME}.argosmodel"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(package_dir.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(package_dir.parent).as_posix())
    return out


if __name__ == "__main__":  # pragma: no cover - manual use: python tests/copymodel.py DIR
    import sys

    print(build_copy_model(Path(sys.argv[1] if len(sys.argv) > 1 else ".")))
