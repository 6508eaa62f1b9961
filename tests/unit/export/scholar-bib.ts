// Google Scholar's "Cite" BibTeX of published papers, as readers paste it into their .bib; the first
// two with the arXiv link a reader adds (or Scholar's "url" of the arXiv version).
export const BERT = `@inproceedings{devlin2019bert,
  title={{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding},
  author={Devlin, Jacob and Chang, Ming-Wei and Lee, Kenton and Toutanova, Kristina},
  booktitle={Proceedings of NAACL-HLT},
  pages={4171--4186},
  year={2019},
  eprint={1810.04805},
  archivePrefix={arXiv}
}`;
export const FLASH_ATTENTION = `@inproceedings{dao2022flashattention,
  title={FlashAttention: Fast and Memory-Efficient Exact Attention with {IO}-Awareness},
  author={Dao, Tri and Fu, Daniel Y. and Ermon, Stefano and Rudra, Atri and R{\\'e}, Christopher},
  booktitle={Advances in Neural Information Processing Systems},
  year={2022},
  url={https://arxiv.org/abs/2205.14135}
}`;
// As Scholar gives them: no arXiv id anywhere. The Transformer, Scaling Laws for NMT (in the bundled
// store) and ResNet (not on arXiv).
export const VASWANI = `@article{vaswani2017attention,
  title={Attention is all you need},
  author={Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion and Gomez, Aidan N and Kaiser, {\\L}ukasz and Polosukhin, Illia},
  journal={Advances in neural information processing systems},
  volume={30},
  year={2017}
}`;
export const GHORBANI = `@inproceedings{ghorbani2022scaling,
  title={Scaling laws for neural machine translation},
  author={Ghorbani, Behrooz and Firat, Orhan and Freitag, Markus and Bapna, Ankur and Krikun, Maxim and Garcia, Xavier and Chelba, Ciprian and Cherry, Colin},
  booktitle={International Conference on Learning Representations},
  year={2022}
}`;
export const RESNET = `@inproceedings{he2016deep,
  title={Deep residual learning for image recognition},
  author={He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
  booktitle={Proceedings of the IEEE conference on computer vision and pattern recognition},
  pages={770--778},
  year={2016}
}`;
