package chibo.contracts.member;

public enum TransferKind {
    /** Chuyển sinh hoạt đảng chính thức: new job, retirement, moving. */
    OFFICIAL,
    /** A retiring or unemployed member moves official activity to the cell where they live. */
    TO_RESIDENCE
}
