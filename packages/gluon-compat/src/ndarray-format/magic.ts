/** Magic numbers of MXNet's NDArray serialization (src/ndarray/ndarray.cc, MXNet 1.9). */

/** `kMXAPINDArrayListMagic`: the uint64 header of an NDArray list file. */
export const NDARRAY_LIST_MAGIC = 0x112;
/** Per-array V1: int64 `TShape` dims, no storage type. */
export const NDARRAY_V1_MAGIC = 0xf993fac8;
/** Per-array V2: adds the storage type; what MXNet 1.9 writes outside NumPy shape semantics. */
export const NDARRAY_V2_MAGIC = 0xf993fac9;
/** Per-array V3: V2's layout with NumPy shape semantics (ndim 0 is a scalar, -1 is unknown). */
export const NDARRAY_V3_MAGIC = 0xf993faca;
