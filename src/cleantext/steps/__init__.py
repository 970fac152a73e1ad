"""The steps of the pipeline, one module per kind of damage.

Each module defines a detector (``detect_<damage>``), a convenience fixer
named verb_object (``remove_bom``) and its :class:`~cleantext.step.Step`
as ``STEP``; :mod:`cleantext.registry` lists the steps in order.
"""
