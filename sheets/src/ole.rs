//! Just enough of the OLE compound file format (MS-CFB) to tell what an old
//! Office file holds before calamine opens it: the names of its streams (a
//! password-protected .xlsx is one of these with an `EncryptedPackage`
//! stream; an .xls has `Workbook`; a .doc `WordDocument`) and one stream's
//! bytes. Every index is checked and every chain is bounded by the file's
//! size, so a damaged file is an error, never a panic or a loop.

/// The first eight bytes of every compound file.
pub const MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const NO_STREAM: u32 = 0xFFFF_FFFF;
/// Streams smaller than this live in the mini stream (MS-CFB 2.2).
const MINI_CUTOFF: u64 = 4096;
const MINI_SECTOR: usize = 64;

/// A damaged compound file.
#[derive(Debug, PartialEq, Eq)]
pub struct Damaged;

struct Entry {
    name: String,
    /// 1 storage, 2 stream, 5 root.
    kind: u8,
    start: u32,
    size: u64,
}

/// A compound file's directory and allocation tables.
pub struct Ole<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
    mini_fat: Vec<u32>,
    entries: Vec<Entry>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

impl<'a> Ole<'a> {
    /// Read the header, the allocation tables and the directory.
    pub fn parse(bytes: &'a [u8]) -> Result<Ole<'a>, Damaged> {
        if bytes.len() < 512 || bytes[..8] != MAGIC {
            return Err(Damaged);
        }
        let shift = u16_at(bytes, 0x1E).ok_or(Damaged)?;
        if shift != 9 && shift != 12 {
            return Err(Damaged);
        }
        let sector = 1usize << shift;
        let mut ole = Ole { bytes, sector, fat: Vec::new(), mini_fat: Vec::new(), entries: Vec::new() };
        let sectors_in_file = bytes.len() / sector + 1;

        // The FAT's sectors: 109 in the header, the rest in a chain of DIFAT sectors.
        let fat_count = u32_at(bytes, 0x2C).ok_or(Damaged)? as usize;
        if fat_count > sectors_in_file {
            return Err(Damaged);
        }
        let mut fat_sectors: Vec<u32> = (0..109).filter_map(|i| u32_at(bytes, 0x4C + 4 * i)).take(fat_count).collect();
        let mut difat = u32_at(bytes, 0x44).ok_or(Damaged)?;
        let mut hops = 0;
        while fat_sectors.len() < fat_count && difat != END_OF_CHAIN && difat != NO_STREAM {
            hops += 1;
            if hops > sectors_in_file {
                return Err(Damaged);
            }
            let s = ole.sector_bytes(difat)?;
            let per = sector / 4 - 1;
            fat_sectors.extend((0..per).filter_map(|i| u32_at(s, 4 * i)).take(fat_count - fat_sectors.len()));
            difat = u32_at(s, 4 * per).ok_or(Damaged)?;
        }
        for s in fat_sectors {
            let s = ole.sector_bytes(s)?;
            ole.fat.extend((0..sector / 4).filter_map(|i| u32_at(s, 4 * i)));
        }

        // The directory: 128-byte entries in a chain of sectors.
        let dir = ole.chain(u32_at(bytes, 0x30).ok_or(Damaged)?, None)?;
        for e in dir.chunks_exact(128) {
            let len = (u16_at(e, 0x40).unwrap_or(0) as usize).min(64);
            let units: Vec<u16> = (0..len.saturating_sub(2) / 2).filter_map(|i| u16_at(e, 2 * i)).collect();
            let size = u32_at(e, 0x78).unwrap_or(0) as u64 | if sector == 512 { 0 } else { (u32_at(e, 0x7C).unwrap_or(0) as u64) << 32 };
            ole.entries.push(Entry {
                name: String::from_utf16_lossy(&units),
                kind: e[0x42],
                start: u32_at(e, 0x74).unwrap_or(END_OF_CHAIN),
                size,
            });
        }
        if ole.entries.first().is_none_or(|root| root.kind != 5) {
            return Err(Damaged);
        }
        let mini_fat = ole.chain(u32_at(bytes, 0x3C).ok_or(Damaged)?, None)?;
        ole.mini_fat = mini_fat.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        Ok(ole)
    }

    fn sector_bytes(&self, n: u32) -> Result<&'a [u8], Damaged> {
        let at = (n as usize).checked_add(1).and_then(|s| s.checked_mul(self.sector)).ok_or(Damaged)?;
        self.bytes.get(at..at + self.sector).ok_or(Damaged)
    }

    /// The bytes of the chain of sectors from `start`, up to `size` if given.
    fn chain(&self, start: u32, size: Option<u64>) -> Result<Vec<u8>, Damaged> {
        let mut out = Vec::new();
        let mut at = start;
        let cap = size.map_or(self.bytes.len(), |s| s.min(self.bytes.len() as u64) as usize);
        while at != END_OF_CHAIN && at != NO_STREAM && out.len() < cap {
            out.extend_from_slice(self.sector_bytes(at)?);
            at = *self.fat.get(at as usize).ok_or(Damaged)?;
            if out.len() > self.bytes.len() {
                return Err(Damaged);
            }
        }
        if size.is_some_and(|s| (out.len() as u64) < s) {
            return Err(Damaged);
        }
        out.truncate(cap);
        Ok(out)
    }

    /// The names of every stream in the file, at any depth.
    pub fn streams(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().filter(|e| e.kind == 2).map(|e| e.name.as_str())
    }

    pub fn has_stream(&self, name: &str) -> bool {
        self.streams().any(|s| s.eq_ignore_ascii_case(name))
    }

    /// A stream's bytes, by name (the first of that name).
    pub fn stream(&self, name: &str) -> Result<Vec<u8>, Damaged> {
        let e = self.entries.iter().find(|e| e.kind == 2 && e.name.eq_ignore_ascii_case(name)).ok_or(Damaged)?;
        if e.size >= MINI_CUTOFF {
            return self.chain(e.start, Some(e.size));
        }
        // A small stream: 64-byte sectors in the mini stream, which is
        // itself the root entry's chain.
        let root = &self.entries[0];
        let mini = self.chain(root.start, Some(root.size))?;
        let mut out = Vec::new();
        let mut at = e.start;
        let mut hops = 0;
        while at != END_OF_CHAIN && (out.len() as u64) < e.size {
            hops += 1;
            if hops > mini.len() / MINI_SECTOR + 1 {
                return Err(Damaged);
            }
            let from = (at as usize).checked_mul(MINI_SECTOR).ok_or(Damaged)?;
            out.extend_from_slice(mini.get(from..from + MINI_SECTOR).ok_or(Damaged)?);
            at = *self.mini_fat.get(at as usize).ok_or(Damaged)?;
        }
        if (out.len() as u64) < e.size {
            return Err(Damaged);
        }
        out.truncate(e.size as usize);
        Ok(out)
    }
}
