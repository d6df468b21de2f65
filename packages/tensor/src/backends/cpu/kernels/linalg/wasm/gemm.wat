;; WebAssembly SIMD micro-kernel of the CPU backend's blocked GEMM (see ../gemm.ts, ../simd-kernel.ts).
;; Assembled by scripts/build-wasm.ts into gemm-wasm.ts; edit this file, then run
;; `npx tsx scripts/build-wasm.ts` from the repository root.
;;
;; Operands live in the imported memory as float64, in the packed layouts of ../micro-kernel.ts:
;; A as ⌈mc/4⌉ panels of kc × 4 (element (p, ii) at p·4 + ii), B as ⌈nc/8⌉ panels of kc × 8
;; (element (p, jj) at p·8 + jj), both zero-padded. Every product is accumulated in f64x2 lanes
;; with a separate multiply and add (no fused multiply-add), in increasing p from +0, so the
;; result is bit-for-bit the one of the JavaScript 4 × 8 kernel.
(module
  (import "env" "memory" (memory 1))

  ;; W[0:⌈mc/4⌉·4, 0:⌈nc/8⌉·8] = Ap · Bp (overwrites W). All addresses are byte offsets; row i of
  ;; W starts at $w + i·$ldw. kc ≥ 1.
  (func (export "multiply")
    (param $mc i32) (param $nc i32) (param $kc i32)
    (param $pa i32) (param $pb i32) (param $w i32) (param $ldw i32)
    (local $j0 i32) (local $i0 i32) (local $a i32) (local $wt i32)
    (local.set $j0 (i32.const 0))
    (loop $cols
      (local.set $i0 (i32.const 0))
      (local.set $a (local.get $pa))
      (local.set $wt (local.get $w))
      (loop $rows
        ;; One 4 × 8 tile of W as two 4 × 4 halves (8 accumulators each, fits 16 vector registers).
        (call $tile4x4 (local.get $kc) (local.get $a) (local.get $pb) (local.get $wt) (local.get $ldw))
        (call $tile4x4 (local.get $kc) (local.get $a)
          (i32.add (local.get $pb) (i32.const 32)) (i32.add (local.get $wt) (i32.const 32)) (local.get $ldw))
        (local.set $a (i32.add (local.get $a) (i32.shl (local.get $kc) (i32.const 5))))
        (local.set $wt (i32.add (local.get $wt) (i32.shl (local.get $ldw) (i32.const 2))))
        (local.set $i0 (i32.add (local.get $i0) (i32.const 4)))
        (br_if $rows (i32.lt_s (local.get $i0) (local.get $mc))))
      (local.set $pb (i32.add (local.get $pb) (i32.shl (local.get $kc) (i32.const 6))))
      (local.set $w (i32.add (local.get $w) (i32.const 64)))
      (local.set $j0 (i32.add (local.get $j0) (i32.const 8)))
      (br_if $cols (i32.lt_s (local.get $j0) (local.get $nc)))))

  ;; W[0:4, 0:4] = Σ_p A[p, 0:4]ᵀ · B[p, 0:4] over kc steps: A advances 32 bytes a step, B 64.
  (func $tile4x4 (param $kc i32) (param $a i32) (param $b i32) (param $w i32) (param $ldw i32)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (loop $steps
      (local.set $b0 (v128.load (local.get $b)))
      (local.set $b1 (v128.load offset=16 (local.get $b)))
      (local.set $x (v128.load64_splat (local.get $a)))
      (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat offset=8 (local.get $a)))
      (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat offset=16 (local.get $a)))
      (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat offset=24 (local.get $a)))
      (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $a (i32.add (local.get $a) (i32.const 32)))
      (local.set $b (i32.add (local.get $b) (i32.const 64)))
      (local.set $kc (i32.sub (local.get $kc) (i32.const 1)))
      (br_if $steps (local.get $kc)))
    (v128.store (local.get $w) (local.get $c00))
    (v128.store offset=16 (local.get $w) (local.get $c01))
    (local.set $w (i32.add (local.get $w) (local.get $ldw)))
    (v128.store (local.get $w) (local.get $c10))
    (v128.store offset=16 (local.get $w) (local.get $c11))
    (local.set $w (i32.add (local.get $w) (local.get $ldw)))
    (v128.store (local.get $w) (local.get $c20))
    (v128.store offset=16 (local.get $w) (local.get $c21))
    (local.set $w (i32.add (local.get $w) (local.get $ldw)))
    (v128.store (local.get $w) (local.get $c30))
    (v128.store offset=16 (local.get $w) (local.get $c31))))
