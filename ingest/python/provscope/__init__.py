"""Provscope Python client: metadata, lineage and step metrics from workflows, trainers and
inference code to a Provscope server. Standard library only.

    from provscope import Cmf
    cmf = Cmf("cl-eke")
    cmf.create_context("train")
    cmf.create_execution("train-resnet", {"lr": 1e-3})
    cmf.log_dataset("data/partial.h5", "input")
    for epoch in range(10):
        cmf.log_metric("training_metrics", {"loss": loss}, step=epoch)
    cmf.log_model("models/resnet.pt", "output", model_name="EKE-ResNet")
    cmf.log_execution_metrics("test", {"test_loss": 0.31})
    cmf.finalize()
"""

from .batches import encode_value
from .client import AuthError, Client, ProvscopeError
from .cmf import Cmf
from .hashing import hash_dir, hash_file, hash_path
from .pull import PullError, pull

__all__ = ["AuthError", "Client", "Cmf", "ProvscopeError", "PullError", "encode_value", "hash_dir", "hash_file", "hash_path",
           "pull"]
__version__ = "0.1.0"
