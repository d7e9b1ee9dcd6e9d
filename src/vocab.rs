//! The typed vocabulary: relations and doc types as enums that serialise to the contract's strings, so the
//! compiler finds every place a new one must be handled.
//!
//! Variants are declared in the alphabetical order of their names, which makes the derived order the order
//! of the strings: sorted outputs stay what they were when these were strings.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Declares a fieldless enum whose variants each have one contract name.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)+
        }

        impl $name {
            /// Every value, in the order of their names.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The contract's name.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The value with this contract name.
            pub fn from_name(name: &str) -> Option<$name> {
                match name {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownName;

            fn from_str(s: &str) -> Result<$name, UnknownName> {
                $name::from_name(s).ok_or_else(|| UnknownName {
                    what: stringify!($name),
                    name: s.to_string(),
                    known: $name::ALL.iter().map(|v| v.as_str()).collect(),
                })
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    };
}

vocabulary! {
    /// Why a document cites another, from the citing document's point of view; `issued_by` joins a document
    /// to its issuer in the graph.
    Relation {
        /// Sửa đổi, bổ sung the cited document.
        Amends = "amends",
        /// Căn cứ: the legal basis.
        Basis = "basis",
        /// Any other mention.
        Cites = "cites",
        /// Đính chính.
        Corrects = "corrects",
        /// Hướng dẫn, quy định chi tiết.
        Guides = "guides",
        /// Thực hiện, triển khai, thi hành.
        Implements = "implements",
        /// A document to its issuing body (graph edges only).
        IssuedBy = "issued_by",
        /// Bãi bỏ, hủy bỏ, declares it hết hiệu lực.
        Repeals = "repeals",
        /// Thay thế.
        Replaces = "replaces",
    }
}

impl Relation {
    /// The relations a citation can carry (every one but `issued_by`).
    pub fn of_citations() -> impl Iterator<Item = Relation> {
        Relation::ALL
            .iter()
            .copied()
            .filter(|r| *r != Relation::IssuedBy)
    }

    /// A change or a correction: what `query status` lists and the drawings make heavier.
    pub fn alters_text(self) -> bool {
        self.is_change() || self == Relation::Corrects
    }

    /// Amends, replaces or repeals: a change to the cited document's force.
    pub fn is_change(self) -> bool {
        matches!(
            self,
            Relation::Amends | Relation::Replaces | Relation::Repeals
        )
    }
}

vocabulary! {
    /// The kind of document, as `../shared/contract.md` lists them.
    DocType {
        /// Thông tư.
        Circular = "circular",
        /// Bộ luật.
        Code = "code",
        /// Thông cáo.
        Communique = "communique",
        /// Kết luận.
        Conclusion = "conclusion",
        /// Văn bản hợp nhất.
        ConsolidatedText = "consolidated_text",
        /// Hiến pháp.
        Constitution = "constitution",
        /// Hợp đồng.
        Contract = "contract",
        /// Quyết định.
        Decision = "decision",
        /// Nghị định.
        Decree = "decree",
        /// Chỉ thị.
        Directive = "directive",
        /// Công điện.
        Dispatch = "dispatch",
        /// Hướng dẫn.
        Guidance = "guidance",
        /// Thông tri.
        Instruction = "instruction",
        /// Giấy mời.
        Invitation = "invitation",
        /// Thông tư liên tịch.
        JointCircular = "joint_circular",
        /// Nghị quyết liên tịch.
        JointResolution = "joint_resolution",
        /// Luật.
        Law = "law",
        /// Giấy phép.
        License = "license",
        /// Bản ghi nhớ.
        Memorandum = "memorandum",
        /// Biên bản.
        Minutes = "minutes",
        /// Thông báo.
        Notice = "notice",
        /// Công văn.
        OfficialLetter = "official_letter",
        /// Phương án.
        Option = "option",
        /// Lệnh.
        Order = "order",
        /// Pháp lệnh.
        Ordinance = "ordinance",
        /// Kế hoạch.
        Plan = "plan",
        /// Chương trình.
        Program = "program",
        /// Dự án.
        Project = "project",
        /// Quy định.
        Regulation = "regulation",
        /// Báo cáo.
        Report = "report",
        /// Nghị quyết.
        Resolution = "resolution",
        /// Quy chế.
        Rules = "rules",
        /// Đề án.
        Scheme = "scheme",
        /// Tờ trình.
        Submission = "submission",
        /// No word and no code says.
        Unknown = "unknown",
    }
}

impl DocType {
    /// Constitution, code or law: the National Assembly's statutes.
    pub fn is_statute(self) -> bool {
        matches!(self, DocType::Constitution | DocType::Code | DocType::Law)
    }

    /// The legal normative acts that only another such act can change: statutes, ordinances, decrees,
    /// circulars. (A decision or resolution may be normative or not; its type alone does not say.)
    pub fn is_normative_act(self) -> bool {
        self.is_statute()
            || matches!(
                self,
                DocType::Ordinance | DocType::Decree | DocType::Circular | DocType::JointCircular
            )
    }

    /// Papers that state, report, propose or plan, and change no normative act: a letter that writes
    /// "bãi bỏ khoản 2 Nghị định …" summarises what another document does.
    pub fn changes_no_act(self) -> bool {
        matches!(
            self,
            DocType::OfficialLetter
                | DocType::Report
                | DocType::Submission
                | DocType::Notice
                | DocType::Plan
                | DocType::Program
                | DocType::Conclusion
                | DocType::Communique
                | DocType::Minutes
                | DocType::Invitation
                | DocType::Dispatch
        )
    }

    /// The types cited by name alone ("Luật Đất đai"): statutes and ordinances.
    pub fn is_named(self) -> bool {
        self.is_statute() || self == DocType::Ordinance
    }
}

/// A name that is not in the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    what: &'static str,
    name: String,
    known: Vec<&'static str>,
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {:?}", self.what, self.name)?;
        if let Some(near) = crate::vocab::nearest(&self.name, &self.known) {
            write!(f, " (did you mean {near:?}?)")?;
        }
        write!(f, "; known: {}", self.known.join(", "))
    }
}

impl std::error::Error for UnknownName {}

/// The known name closest to `name`, when it is close enough to be a slip of the keyboard.
pub(crate) fn nearest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(name, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_order_is_the_order_of_names() {
        for pair in Relation::ALL.windows(2) {
            assert!(pair[0].as_str() < pair[1].as_str(), "{pair:?}");
        }
        for pair in DocType::ALL.windows(2) {
            assert!(pair[0].as_str() < pair[1].as_str(), "{pair:?}");
        }
    }

    #[test]
    fn names_round_trip_through_serde_and_from_str() {
        for r in Relation::ALL {
            let json = serde_json::to_string(r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
            assert_eq!(serde_json::from_str::<Relation>(&json).unwrap(), *r);
            assert_eq!(r.as_str().parse::<Relation>(), Ok(*r));
        }
        for t in DocType::ALL {
            assert_eq!(t.as_str().parse::<DocType>(), Ok(*t));
        }
    }

    #[test]
    fn an_unknown_name_suggests_the_nearest() {
        let err = "basiss".parse::<Relation>().unwrap_err().to_string();
        assert!(
            err.starts_with("unknown Relation \"basiss\" (did you mean \"basis\"?)"),
            "{err}"
        );
        let err = "Decree".parse::<DocType>().unwrap_err().to_string();
        assert!(err.contains("did you mean \"decree\""), "{err}");
    }
}
