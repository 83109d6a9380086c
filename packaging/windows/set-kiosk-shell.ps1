<#
.SYNOPSIS
    Makes Memorial Kiosk the Windows shell of one local account, with Shell Launcher.

.DESCRIPTION
    Not run or tested on this project's own machines (Linux only).  Read it before use.

    Uses the Shell Launcher WMI provider (class WESL_UserSetting, namespace
    root\standardcimv2\embedded).  Needs Windows 10 or 11 Enterprise, Education or
    IoT Enterprise, the optional feature Client-EmbeddedShellLauncher enabled, and an
    elevated PowerShell (Windows PowerShell 5.1 or PowerShell 7).

    After it has run:
      - the account given by -Account gets kiosk.exe instead of Explorer when it signs in;
      - members of Administrators, and every other account, keep Explorer;
      - when the kiosk exits, Shell Launcher acts on its exit code:
          64 (staff chose "exit to the desktop")  -> -ExitToDesktopAction (default: do nothing)
          75 (staff chose "restart")              -> restart the kiosk
          anything else, including a crash        -> restart the kiosk

    The changes take effect at the account's next sign-in.

.PARAMETER Account
    The kiosk's local account, for example "kiosk".  It must exist and must not be an
    administrator.

.PARAMETER InstallPath
    The folder the installer put kiosk.exe in.  Default: C:\Program Files\Memorial Kiosk.

.PARAMETER ExitToDesktopAction
    What Shell Launcher does when staff leave the exhibit (exit code 64):
    3 = do nothing (the default), 1 = restart the device, 2 = shut the device down,
    0 = restart the kiosk.  Shell Launcher has no "sign out" action.

.PARAMETER Remove
    Take the custom shell away from the account again (it gets Explorer).

.EXAMPLE
    .\set-kiosk-shell.ps1 -Account kiosk

.EXAMPLE
    .\set-kiosk-shell.ps1 -Account kiosk -Remove
#>
#Requires -RunAsAdministrator
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string] $Account,

    [string] $InstallPath = (Join-Path $env:ProgramFiles 'Memorial Kiosk'),

    [ValidateRange(0, 3)]
    [int] $ExitToDesktopAction = 3,

    [switch] $Remove
)

$ErrorActionPreference = 'Stop'

# Shell Launcher's actions when the shell program exits (WESL_UserSetting.SetCustomShell):
# 0 restart the shell (here: the kiosk), 1 restart the device, 2 shut it down, 3 do nothing.
$RestartShell = 0

# The kiosk's exit codes (src/kiosk/ui/staff/mode.py).
$ExitToDesktop = 64
$ExitRestart = 75

$Namespace = 'root\standardcimv2\embedded'
$AdministratorsSid = 'S-1-5-32-544'   # the built-in Administrators group, in any language

function Invoke-ShellLauncher([string] $Method, [hashtable] $Arguments = @{}) {
    $result = Invoke-CimMethod -CimClass $script:ShellLauncher -MethodName $Method -Arguments $Arguments
    if ($result.ReturnValue -ne 0) {
        throw ('WESL_UserSetting.{0} failed: 0x{1:X8}' -f $Method, [uint32] $result.ReturnValue)
    }
    return $result
}

function Remove-ShellFor([string] $Sid) {
    # RemoveCustomShell fails when nothing is set for the SID; that is not an error here.
    try { Invoke-ShellLauncher 'RemoveCustomShell' @{ Sid = $Sid } | Out-Null } catch { }
}

# 1. Shell Launcher must be installed.
try {
    $feature = Get-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher
} catch {
    throw ('Shell Launcher is not available here; it needs Windows 10 or 11 Enterprise, ' +
        "Education or IoT Enterprise. ($($_.Exception.Message))")
}
if ($null -eq $feature -or $feature.State -ne 'Enabled') {
    throw ('Shell Launcher is not enabled. Run ' +
        '"Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher", ' +
        'restart Windows, then run this script again.')
}
$script:ShellLauncher = Get-CimClass -Namespace $Namespace -ClassName WESL_UserSetting

# 2. The account's security identifier.
$sid = ([System.Security.Principal.NTAccount] $Account).Translate(
    [System.Security.Principal.SecurityIdentifier]).Value

if ($Remove) {
    Remove-ShellFor $sid
    Write-Output "Removed the custom shell of $Account ($sid); it gets Explorer at its next sign-in."
    return
}

# 3. Check the program and the account.
$shell = Join-Path $InstallPath 'kiosk.exe'
if (-not (Test-Path -LiteralPath $shell -PathType Leaf)) {
    throw "No kiosk.exe in $InstallPath. Install Memorial Kiosk first, or pass -InstallPath."
}
try {
    $admins = Get-LocalGroupMember -SID $AdministratorsSid | ForEach-Object { [string] $_.SID }
    if ($admins -contains $sid) {
        Write-Warning "$Account is an administrator. Use a standard account for the kiosk."
    }
} catch {
    Write-Warning "Could not list the Administrators group: $($_.Exception.Message)"
}

# 4. Turn Shell Launcher on.  Everyone without their own setting keeps Explorer.
Invoke-ShellLauncher 'SetEnabled' @{ Enabled = $true } | Out-Null
Invoke-ShellLauncher 'SetDefaultShell' @{ Shell = 'explorer.exe'; DefaultAction = $RestartShell } | Out-Null

# 5. Administrators keep Explorer, even if the default above is changed later.
Remove-ShellFor $AdministratorsSid
Invoke-ShellLauncher 'SetCustomShell' @{
    Sid = $AdministratorsSid; Shell = 'explorer.exe'; DefaultAction = $RestartShell
} | Out-Null

# 6. The kiosk account gets the kiosk.  The path is quoted because it contains spaces and
#    is followed by arguments; "--supervised" tells the kiosk that Shell Launcher restarts
#    it, so staff's Restart must not start a second copy itself.
Remove-ShellFor $sid
Invoke-ShellLauncher 'SetCustomShell' @{
    Sid                     = $sid
    Shell                   = "`"$shell`" run --supervised"
    CustomReturnCodes       = [int[]] @($ExitToDesktop, $ExitRestart)
    CustomReturnCodesAction = [int[]] @($ExitToDesktopAction, $RestartShell)
    DefaultAction           = $RestartShell
} | Out-Null

# 7. Show what is now configured.
$now = Invoke-ShellLauncher 'GetCustomShell' @{ Sid = $sid }
Write-Output "Shell of $Account ($sid): $($now.Shell)"
Write-Output "Exit codes $($now.CustomReturnCodes -join ', ') -> actions $($now.CustomReturnCodesAction -join ', '); any other -> $($now.DefaultAction)"
Write-Output 'Actions: 0 restart the kiosk, 1 restart the device, 2 shut down, 3 do nothing.'
Write-Output "It takes effect at $Account's next sign-in."
