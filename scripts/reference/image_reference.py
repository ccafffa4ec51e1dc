"""Reference values for the image perturbations (src/arbitraries/image/resample-image.ts): scipy.ndimage's rotate,
shift and gaussian_filter on each channel of a fixed 2-channel 7x9 image.

Run: python3 scripts/reference/image_reference.py > test/fixtures/reference/image-perturbations.json
"""
import json

import numpy as np
import scipy
from scipy import ndimage

channels, height, width = 2, 7, 9
# A fixed image with structure in both directions (no randomness): values in [0, 1].
r, c = np.meshgrid(np.arange(height), np.arange(width), indexing="ij")
image = np.stack([(np.sin(0.7 * r + 0.3 * c) + 1) / 2, ((r * 3 + c * 5) % 11) / 10.0]).astype(np.float64)


def per_channel(function):
    return np.stack([function(image[k]) for k in range(channels)]).ravel().tolist()


out = {
    "scipy": scipy.__version__,
    "shape": [channels, height, width],
    "image": image.ravel().tolist(),
    "rotate": {str(angle): per_channel(lambda plane: ndimage.rotate(plane, angle, reshape=False, order=1, mode="grid-constant", cval=0.0))
               for angle in [17, -33, 90, 180]},
    "shift": {"1,-2": per_channel(lambda plane: ndimage.shift(plane, (1, -2), order=0, mode="constant", cval=0.0))},
    "gaussian_filter": {str(sigma): per_channel(lambda plane: ndimage.gaussian_filter(plane, sigma, mode="reflect", truncate=4.0))
                        for sigma in [0.8, 1.5]},
}
print(json.dumps(out))
