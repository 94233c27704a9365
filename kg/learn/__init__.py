"""Training and cross-validation of the learned relation component (``kg train``).

:mod:`kg.learn.corpus` lists the gold articles training may read (never the
hold-out), :mod:`kg.learn.train` fits the model, :mod:`kg.learn.cv` scores it
by leave-one-region-group-out cross-validation. scikit-learn is needed here
only (the ``train`` extra); building reads the JSON model in plain Python
(:mod:`kg.extract.components.learned`).
"""
